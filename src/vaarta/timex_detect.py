"""Hindi time-expression detection: candidate spans with a kind and parsed parts.

Pure regex over the text (the ``regex`` module, because ``re``'s ``\\w`` misses Devanagari
vowel signs). The lexicon lives in ``data/timex_hi.json``. Every pattern yields candidates;
the longest non-overlapping ones win, so durations (``अगले तीन महीने``) and counts
(``50 साल में``) swallow the date-looking words inside them and are then dropped by the
calendar scheme. Two schemes:

* ``"calendar"`` (vaarta's ``times``): expressions that denote a calendar time.
* ``"iltimex"``: also durations, frequencies, clock times, festivals and vague times,
  following the ILTIMEX2012 annotation (used only to measure detection).
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex

LEXICON_PATH = Path(__file__).parent / "data" / "timex_hi.json"

# Kinds kept by the calendar scheme; the rest (duration, freq, vague, clock, festival,
# decade) are detected only so that they can swallow look-alikes, or for ILTIMEX scoring.
CALENDAR_KINDS = frozenset(
    {
        "dmy",
        "range_dd",
        "md",
        "my",
        "rel_month",
        "month",
        "year",
        "numeric",
        "iso",
        "weekday",
        "dayword",
        "relunit",
        "unitpart",
        "ago",
        "range",
    }
)

# a bare 4-digit number followed by an ordinary word ("2012 विधानसभा चुनाव") is read as a
# year only inside this range; outside it, only with a year prefix or a postposition after it
YEAR_BARE = (1950, 2035)

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_WB = r"(?<![\p{L}\p{M}\p{N}])"
_WE = r"(?![\p{L}\p{M}\p{N}])"
_S = r"[^\S\n]+"
_DIG = r"[0-9०-९]"
_NUKTA = {chr(0x958 + i): unicodedata.normalize("NFD", chr(0x958 + i)) for i in range(8)}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    parts: tuple[tuple[str, Any], ...]  # parsed fields (d, m, y, w, mod, unit, n, …)
    rank: int = 0  # pattern order, breaks length ties

    def get(self, key: str) -> Any:
        for k, v in self.parts:
            if k == key:
                return v
        return None


def to_int(s: str) -> int:
    return int(s.translate(_DIGITS))


def _variants(form: str) -> set[str]:
    decomposed = "".join(_NUKTA.get(c, c) for c in form)
    composed = decomposed
    for pre, dec in _NUKTA.items():
        composed = composed.replace(dec, pre)
    return {form, decomposed, composed, decomposed.replace("\u093c", "")}


def _alt(forms: list[str] | set[str]) -> str:
    allv: set[str] = set()
    for f in forms:
        allv |= _variants(f)
    ordered = sorted(allv, key=len, reverse=True)
    parts = []
    for f in ordered:
        esc = regex.escape(f).replace(r"\ ", _S).replace(" ", _S)
        parts.append(f"(?i:{esc})" if f.isascii() else esc)
    return "(?:" + "|".join(parts) + ")"


def _lookup(table: dict[str, Any], key: str) -> Any:
    """Find ``key`` in a lexicon table tolerant of nukta and case variants.

    The value of the first key (in table order) that has ``key`` among its spellings or
    equals it ignoring case; the spellings are indexed once per table (see _index).
    """
    norm = " ".join(key.split())
    by_variant, by_lower = _index(table)
    a = by_variant.get(norm)
    b = by_lower.get(norm.lower())
    if a is None:
        return None if b is None else b[1]
    return a[1] if b is None or a[0] <= b[0] else b[1]


# Lexicon tables are built once (lexicon() is cached) and never changed, so their indexes
# are kept by identity; the table itself is held too, so its id cannot be reused.
_INDEXES: dict[int, tuple[dict[str, Any], dict[str, tuple[int, Any]], dict[str, tuple[int, Any]]]] = {}


def _index(table: dict[str, Any]) -> tuple[dict[str, tuple[int, Any]], dict[str, tuple[int, Any]]]:
    """(spelling → (position, value), lower-cased key → (position, value)), first key wins."""
    hit = _INDEXES.get(id(table))
    if hit is None or hit[0] is not table or len(hit[0]) != len(table):
        by_variant: dict[str, tuple[int, Any]] = {}
        by_lower: dict[str, tuple[int, Any]] = {}
        for i, (k, v) in enumerate(table.items()):
            for form in _variants(k):
                by_variant.setdefault(form, (i, v))
            by_lower.setdefault(k.lower(), (i, v))
        hit = _INDEXES[id(table)] = (table, by_variant, by_lower)
    return hit[1], hit[2]


@cache
def lexicon(path: Path = LEXICON_PATH) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    months: dict[str, int] = {}
    for m, forms in data["months"].items():
        for f in forms:
            months[f] = int(m)
    short: dict[str, int] = {}
    for m, forms in data["month_short"].items():
        for f in forms:
            short[f] = int(m)
    weekdays = {f: int(w) for w, forms in data["weekdays"].items() for f in forms}
    units = {f: u for u, forms in data["units"].items() for f in forms}
    mods = {f: m for m, forms in data["modifiers"].items() for f in forms}
    parts = {f: p for p, forms in data["period_parts"].items() for f in forms}
    data["_months"], data["_short"], data["_weekdays"] = months, short, weekdays
    data["_units"], data["_mods"], data["_parts"] = units, mods, parts
    data["_patterns"] = _compile(data)
    return data


_VAGUE_N_EXTRA = ["काफी", "काफ़ी", "लंबे", "लम्बे", "थोड़े", "थोड़ा", "कितने", "हजारों", "सैकड़ों"]


def _compile(lx: dict[str, Any]) -> list[tuple[str, Any]]:
    S, WB, WE, DIG = _S, _WB, _WE, _DIG
    numw = _alt(list(lx["numbers"]))
    day_words = [w for w, v in lx["numbers"].items() if v <= 31]
    day = rf"(?:{DIG}{{1,2}}|{_alt(day_words)}){WE}"
    mon = _alt(list(lx["_months"])) + WE
    mons = _alt(list(lx["_short"]))
    mona = f"(?:{mons}|{mon})"
    year = rf"(?:[12]{DIG}{{3}}|[१२]{DIG}{{3}}){WE}"
    wd = _alt(list(lx["_weekdays"])) + WE
    mods = _alt(list(lx["_mods"]))
    unit_cal = (
        _alt(
            [
                u
                for u, k in lx["_units"].items()
                if k in ("week", "month", "year", "decade")
                and u not in ("सप्ताहों", "हफ्तों", "हफ़्तों", "महीनों", "सालों", "वर्षों", "बरसों", "दशकों")
            ]
        )
        + WE
    )
    unit_any = _alt([*lx["_units"], "समय", "अवधि", "रात", "रातों"]) + WE
    part = _alt(list(lx["_parts"]))
    pod = _alt(lx["parts_of_day"]) + WE
    frac = _alt(lx["fractions"])
    vague_n = _alt(lx["vague_counts"] + _VAGUE_N_EXTRA)
    num = rf"(?:{DIG}+(?:[.,]{DIG}+)?|{frac}{S}{numw}|{frac}|{numw}|एक{S}दो){WE}"
    nums = rf"{num}(?:\s*(?:-|–|से|—|व|और)\s*{num})?"
    about = rf"(?:(?:करीब|लगभग|तकरीबन){S})?"
    hhmm = rf"(?:(?:साढ़े|सवा|पौने){S})?(?:{DIG}{{1,2}}(?:[:.]{DIG}{{2}})?|{numw})"
    clock = rf"(?:{hhmm}\s*(?:से|-|–){S}?)?{hhmm}{S}बजे{WE}"
    tod = rf"(?:{pod}(?:{S}(?:के{S})?{about}{clock})?|{clock}(?:{S}{pod})?)"
    day_tail = rf"(?:{S}(?:(?:की|को|के){S})?(?P<tod>{tod})|{S}(?:के|वाले){S}दिन{WE})?"
    dayw = _alt(list(lx["day_words"])) + WE
    yprefix = _alt(lx["year_prefixes"]) + WE
    fest = _alt(lx["festivals"]) + WE
    season = _alt(lx["seasons"]) + WE
    ordinal = r"(?:उस|इस|एक|अगले|अगली|पहले|पहली|दूसरे|तीसरे|चौथे|पांचवें|आखिरी|आख़िरी|अंतिम|उसी|इसी|किसी|उन|इन|पिछले)"
    pats = [
        (
            "range_dd",
            rf"{WB}(?P<d>{day})\s*(?P<conj>-|–|से|व|और){S}?(?P<d2>{day})\s*(?P<m>{mona})(?:,?{S}(?P<y>{year}))?"
            rf"(?:{S}(?:की|को|के){S}{pod})?",
        ),
        ("dmy", rf"{WB}(?P<d>{day})(?:\s*-\s*|{S}|(?=[^\s\p{{N}}]))(?P<m>{mona})(?:\s*,?{S}(?P<y>{year}))?{day_tail}"),
        ("dmy", rf"{WB}(?P<d>{DIG}{{1,2}}){S}तारीख{WE}{day_tail}"),
        ("md", rf"{WB}(?P<m>{mon}){S}(?P<d>{DIG}{{1,2}}),?{S}(?P<y>{year})"),
        ("my", rf"{WB}(?P<m>{mon})\s*,?{S}(?P<y>{year})"),
        ("rel_month", rf"{WB}(?P<mod>{mods}){S}(?:साल|वर्ष){S}(?:(?:के|की){S})?(?:(?P<d>{day}){S})?(?P<m>{mona})"),
        ("month", rf"{WB}(?:(?P<mod>{mods}){S})?(?P<m>{mon})(?:{S}(?:माह|महीने|महीना|मास){WE})?"),
        ("year", rf"{WB}(?:(?P<pre>{yprefix})\s*)?(?P<y>{year})(?:\s*(?:-|–|से)\s*(?P<y2>{year}|{DIG}{{2}}{WE}))?"),
        ("numeric", rf"{WB}(?P<d>{DIG}{{1,2}})(?P<sep>[/.\-])(?P<m>{DIG}{{1,2}})(?P=sep)(?P<y>{DIG}{{4}}|{DIG}{{2}}){WE}"),
        ("iso", rf"{WB}(?P<y>{DIG}{{4}})-(?P<m>{DIG}{{2}})-(?P<d>{DIG}{{2}}){WE}"),
        ("weekday", rf"{WB}(?:(?P<mod>{mods}){S})?(?P<w>{wd}){day_tail}"),
        ("dayword", rf"{WB}(?P<r>{dayw})(?!-कारख)(?:{S}(?:की{S})?(?P<tod>{tod}))?"),
        ("relunit", rf"{WB}(?P<mod>{mods}){S}(?P<u>{unit_cal})(?:{S}(?:के|की){S}(?P<part>{part}){WE})?"),
        ("unitpart", rf"{WB}(?P<u>{unit_cal}){S}(?:के|की){S}(?P<part>{part}){WE}"),
        ("ago", rf"{WB}(?:आज{S}से{S})?(?:(?P<n>{nums}|{vague_n}){S})?(?P<u>{unit_any}){S}(?P<dir>पहले|बाद|पूर्व|पश्चात){WE}"),
        ("duration", rf"{WB}(?:(?P<mod>{mods}|पूरे){S})?(?P<n>{nums}|{vague_n}){S}(?P<u>{unit_any})(?:{S}?भर{WE})?"),
        ("duration", rf"{WB}(?:पूरे{S})?(?:दिन|महीने|महीना|साल|रात|हफ्ते|हफ्ता|सप्ताह|वर्ष){S}?भर{WE}"),
        (
            "freq",
            rf"{WB}(?:(?:हर|प्रति|प्रत्येक){S}(?:(?:{num}|दूसरे|एक){S})?(?:{unit_any}|सुबह|शाम|रात|रोज|मिनट)|रोज़|रोज|प्रतिदिन|आजकल|आज{S}कल|आज-कल|सालाना|दैनिक|साप्ताहिक|मासिक|समय\s*-\s*समय|आए{S}दिन|आये{S}दिन|दिनों\s*-\s*दिन|दिन-ब-दिन){WE}",
        ),
        (
            "vague",
            rf"{WB}(?:{ordinal}{S}(?:ही{S})?(?:दिनों|दिन|समय|रात|सुबह|शाम|सालों|वर्षों|जमाने|ज़माने)(?:{S}{pod})?|पिछले{S}(?:कुछ{S}|कई{S})?(?:दिनों|सालों|वर्षों|महीनों|समय)|आने{S}वाले{S}(?:समय|दिनों|सालों|वर्षों)|हाल{S}(?:ही{S})?के{S}(?:दिनों|वर्षों|सालों)|अतीत|देर{S}रात|आधी{S}रात|इन{S}दिनों){WE}",
        ),
        ("festival", rf"{WB}(?:{fest}|{season})"),
        (
            "decade",
            rf"{WB}(?:(?:सन|वर्ष){S})?(?:{DIG}{{2}}|{DIG}{{4}}|{numw})(?:{S}और{S}(?:{DIG}{{2}}|{DIG}{{4}}))?{S}के{S}दशक{WE}",
        ),
        ("clock", rf"{WB}(?:(?:{pod}|दिन){S}{about})?{clock}(?:{S}{pod})?"),
        (
            "vague",
            rf"{WB}(?:{_alt(lx['vague_extra'])}|कुछ{S}ही{S}(?:{_alt(lx['bare_time_nouns'])}|मिनटों)"
            rf"|(?:उस|उसी|किसी-किसी|किसी){S}(?:साल|वर्ष|महीने|हफ्ते|सप्ताह)"
            rf"|(?:पहला|दूसरा|तीसरा|चौथा|आखिरी|आख़िरी|अंतिम){S}(?:दिन|हफ्ता|सप्ताह|महीना|साल)){WE}",
        ),
        # bare time nouns (ILTIMEX only, never calendar): before a postposition, after a
        # participle (करते समय), or plural (सालों पुरानी); shortest, so any longer match wins
        ("bare", rf"{WB}{_alt(lx['bare_time_nouns'])}(?={S}{_alt(lx['bare_follow'])}{WE})"),
        ("bare", rf"(?<=[\p{{L}}\p{{M}}]ते{S})(?:समय|वक्त|वक़्त){WE}"),
        ("bare", rf"(?<=(?:वाले|वाली){S})(?:दिन|रात|शाम|सुबह|समय){WE}"),
        ("bare", rf"{WB}{_alt(lx['bare_plural_nouns'])}{WE}"),
    ]
    # Anchors (see _Anchors): for each pattern, words one of which every match holds as a
    # whole letter run (W: the word starts after a non-letter and ends before one in every
    # pattern that uses it), and/or a stdlib ``re`` pattern found inside every match (R);
    # None: always scan the whole text.
    months = [*lx["_months"], *lx["_short"]]
    units_any = _words([*lx["_units"], "समय", "अवधि", "रात", "रातों"])
    number = _words([*lx["numbers"], *lx["fractions"], *lx["vague_counts"], *_VAGUE_N_EXTRA], digits=True)
    time_nouns = ["दिनों", "दिन", "समय", "रात", "सुबह", "शाम", "सालों", "वर्षों", "जमाने", "ज़माने", "महीनों", "अतीत"]
    period_nouns = ["साल", "वर्ष", "महीने", "हफ्ते", "सप्ताह", "दिन", "हफ्ता", "महीना"]
    specs: list[tuple[tuple[tuple[str, ...], str], ...] | None] = [
        (_words(months),),  # range_dd: the month
        (_words(months),),  # dmy
        (_words(["तारीख"]),),  # dmy "13 तारीख"
        (_words(months),),  # md
        (_words(months),),  # my
        (_words(months),),  # rel_month
        (_words(months),),  # month
        (((), "[12१२][0-9०-९]{3}"),),  # year
        (((), "[0-9०-९][/.\\-][0-9०-९]"),),  # numeric
        (((), "[0-9०-९]{4}-[0-9०-९]"),),  # iso
        (_words(lx["_weekdays"]),),  # weekday
        (_words(lx["day_words"]),),  # dayword
        (_words(lx["_units"]),),  # relunit: the unit
        (_words(lx["_parts"]),),  # unitpart: the part
        (_words(["पहले", "बाद", "पूर्व", "पश्चात"]), units_any),  # ago: the direction and the unit
        (units_any, number),  # duration: the unit and the number
        (((), "भर"),),  # duration "दिनभर", "दिन भर" (may be glued)
        (
            _words(
                [
                    *("हर", "प्रति", "प्रत्येक", "रोज़", "रोज", "प्रतिदिन", "आजकल", "आज", "सालाना", "दैनिक"),
                    *("साप्ताहिक", "मासिक", "समय", "आए", "आये", "दिनों", "दिन"),
                ]
            ),
        ),  # freq: its first word
        (_words(time_nouns),),  # vague: the time noun
        (_words([*lx["festivals"], *lx["seasons"]]),),  # festival
        (_words(["दशक"]),),  # decade
        (_words(["बजे"]),),  # clock
        (_words([*lx["vague_extra"], "कुछ", *period_nouns]),),  # vague (extra): its first or last word
        (_words(lx["bare_time_nouns"]), _words(lx["bare_follow"])),  # bare before a postposition
        (_words(["समय", "वक्त", "वक़्त"]),),  # bare after a participle
        (((), "वाले|वाली"),),  # bare after वाले/वाली (may be glued: करनेवाले)
        (_words(lx["bare_plural_nouns"]),),  # bare plural
    ]
    assert len(specs) == len(pats)
    lx["_anchors"] = _Anchors(specs)
    return [(k, regex.compile(p)) for k, p in pats]


def _words(forms: Any, digits: bool = False) -> tuple[tuple[str, ...], str]:
    """Anchor of a lexicon field: the first letter run of every spelling of every form.

    Forms in ASCII, matched case-insensitively, are stood for (in the ``re`` part) by any
    letter that case-folds to a Latin one, or by the form itself when it has no letter.
    """
    words: set[str] = set()
    rx: list[str] = []
    latin = False
    for f in forms:
        if f.isascii():
            if any(c.isalpha() for c in f):
                latin = True
            else:
                rx.append(re.escape(f))
            continue
        for v in _variants(f):
            run = _RUN.match(v)
            assert run and run.start() == 0, f"anchor form must start with a letter: {v!r}"
            words.add(run.group())
    if latin:
        rx.append(r"[A-Za-z\u0130\u0131\u017f\u212a]")  # İ ı ſ K fold to Latin letters too
    if digits:
        rx.append("[0-9०-९]")
    return tuple(sorted(words)), "|".join(rx)


_RUN = regex.compile(r"[\p{L}\p{M}]+")
_NOT_RUN = regex.compile(r"[^\p{L}\p{M}]+")
# No match of any pattern contains one of these characters (lexicon forms hold none, and no
# pattern element matches them), and every lookaround reads them as it reads the end of the
# text. So the text splits into stretches at them, and a pattern need only be run over the
# stretches that hold its anchor: the matches are exactly those of a scan of the whole text
# (tests/test_timex.py compares both on real articles and generated text).
_BOUND = "।॥?!"
_BOUND_RE = re.compile(f"[{_BOUND}]")


class _Anchors:
    """Anchors of all patterns as bits: which stretches of a text each pattern must scan."""

    def __init__(self, specs: list[tuple[tuple[tuple[str, ...], str], ...] | None]) -> None:
        distinct: dict[tuple[tuple[str, ...], str], int] = {}
        self.bits: list[int | None] = []  # per pattern: the anchors a stretch must hold, all of them
        for spec in specs:
            if spec is None:
                self.bits.append(None)
                continue
            need = 0
            for req in spec:
                need |= distinct.setdefault(req, 1 << len(distinct))
            self.bits.append(need)
        self.word_bits: dict[str, int] = {}
        res: dict[str, int] = {}
        for (words, rx), bit in distinct.items():
            for w in words:
                self.word_bits[w] = self.word_bits.get(w, 0) | bit
            if rx:
                res[rx] = res.get(rx, 0) | bit
        self.words = frozenset(self.word_bits)
        self.res = [(re.compile(rx), bit) for rx, bit in res.items()]

    def stretch_masks(self, text: str) -> tuple[list[int], list[int]]:
        """(start of each stretch, bits of the anchors it holds)."""
        parts = _BOUND_RE.split(text)
        starts: list[int] = []
        masks: list[int] = []
        pos = 0
        word_bits, words = self.word_bits, self.words
        for part in parts:
            starts.append(pos)
            mask = 0
            for w in words.intersection(_NOT_RUN.split(part)):
                mask |= word_bits[w]
            masks.append(mask)
            pos += len(part) + 1
        for rx, bit in self.res:
            pos, n = 0, len(text)
            while pos < n and (m := rx.search(text, pos)) is not None:
                i = bisect.bisect_right(starts, m.start()) - 1
                masks[i] |= bit
                pos = starts[i + 1] if i + 1 < len(starts) else n
        return starts, masks

    @staticmethod
    def regions(need: int, starts: list[int], masks: list[int], n: int) -> list[tuple[int, int]]:
        """Runs of neighbouring stretches whose mask has all of ``need``, as (start, end) offsets."""
        out: list[tuple[int, int]] = []
        for i, mask in enumerate(masks):
            if mask & need == need:
                end = starts[i + 1] - 1 if i + 1 < len(starts) else n
                if out and out[-1][1] == starts[i] - 1:
                    out[-1] = (out[-1][0], end)
                else:
                    out.append((starts[i], end))
        return out


_RANGE_GAP = regex.compile(r"\s*(?:से|-|–|से\s+लेकर|से\s+ले\s+कर|से\s+शुरू\s+होकर)\s*")
_KALKAL_AFTER = regex.compile(r"\s*-\s*कल")
_KALKAL_BEFORE = regex.compile(r"कल\s*-\s*$")
_APPOS_GAP = regex.compile(r"[^\S\n]*,?[^\S\n]+")
_APPOS_KINDS = frozenset({("weekday", "dmy"), ("weekday", "weekday"), ("vague", "weekday")})
_ANCHOR_BEFORE = regex.compile(r"(?:से|इससे|उससे|इसके|उसके|के)\s*$")
_NOT_BARE_UNIT = frozenset({"नए", "नये", "नया", "पूरे", "हर", "उस", "उसी", "एक", "किसी", "वित्त", "वित्तीय", "शैक्षणिक", "सत्र"})
_ABS = frozenset({"dmy", "month", "my", "year", "md", "rel_month"})


def _valid(kind: str, m: Any, text: str, lx: dict[str, Any]) -> bool:
    g = m.groupdict()
    if kind == "year":
        y = to_int(g["y"])
        if not 1800 <= y <= 2100:
            return False
        if m.start() > 0 and text[m.start() - 1] in "₹$#/.,:-":
            return False  # prices, numbers 1,2000, ratios, URL paths
        if g.get("pre") or g.get("y2"):
            return True
        after = text[m.end() : m.end() + 12]
        if not after.strip() or after.lstrip()[:1] in "।|,.;:)?!\"'”’-–":
            return True
        nxt = regex.match(r"\s*([\p{L}\p{M}.]+)", after)
        if not nxt:
            return False  # followed by another number: a table or an amount
        if nxt.group(1) in lx["year_follow_ok"]:
            return True
        before = text[max(0, m.start() - 8) : m.start()]
        return (
            nxt.group(1) not in lx["count_nouns"]
            and YEAR_BARE[0] <= y <= YEAR_BARE[1]
            and not regex.search(r"[0-9०-९]\s*$", before)
        )
    if (
        kind == "dayword"
        and g["r"] == "कल"
        and (_KALKAL_AFTER.match(text, m.end()) or _KALKAL_BEFORE.search(text[max(0, m.start() - 6) : m.start()]))
    ):
        return False  # कल-कल (the sound of water), not "yesterday"
    if kind == "unitpart":
        before = regex.findall(r"[\p{L}\p{M}]+", text[max(0, m.start() - 20) : m.start()])
        if before and before[-1] in _NOT_BARE_UNIT:
            return False  # नए साल की शुरुआत (new year), पूरे साल के अंत …
    if kind == "month" and not g.get("mod"):
        word = g["m"]
        if word.isascii():
            return False  # a bare English month name (English headlines, "May" the verb)
        if _lookup(lx["_months"], word) == 3 or word.lower() in ("may", "march", "mar", "jun"):
            before = regex.findall(r"[\p{L}\p{M}]+", text[max(0, m.start() - 20) : m.start()])
            if before and before[-1] in lx["march_not_month"]:
                return False
            after = text[m.end() : m.end() + 10]
            if regex.match(r"\s*(?:निकाल|किया|करेंगे|कर|में\s+शामिल|का\s+आयोजन)", after):
                return False
            if word.isascii():
                return False
    if kind == "dmy" and g.get("m") and g["m"].isascii() and not g.get("y"):
        return bool(regex.match(r"[0-9]", g["d"]))  # "15 May" ok, "दो may" no
    return True


def candidates(text: str, lx: dict[str, Any] | None = None, anchored: bool = True) -> list[Candidate]:
    """All non-overlapping candidates, longest first, in text order.

    ``anchored=False`` runs every pattern over the whole text (the reference the anchored
    scan must equal; see tests/test_timex.py).
    """
    lx = lx or lexicon()
    found: list[Candidate] = []
    anchors: _Anchors = lx["_anchors"]
    starts, masks = anchors.stretch_masks(text) if anchored else ([0], [0])
    whole = [(0, len(text))]
    regions: dict[int, list[tuple[int, int]]] = {}
    for rank, (kind, pat) in enumerate(lx["_patterns"]):
        bit = anchors.bits[rank]
        if bit is None or not anchored:
            spans = whole
        elif (spans := regions.get(bit)) is None:  # type: ignore[assignment]
            spans = regions[bit] = anchors.regions(bit, starts, masks, len(text))
        for m in (x for s, e in spans for x in pat.finditer(text, s, e)):
            if m.end() == m.start() or not _valid(kind, m, text, lx):
                continue
            parts = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            if kind == "range_dd" and m.group("conj") in ("व", "और"):
                # "16 व 17 मार्च" is two dates, not a range: the first keeps only its day
                found.append(Candidate(m.start("d"), m.end("d"), "dmy", (("d", m.group("d")), ("m", m.group("m"))), rank))
                found.append(
                    Candidate(
                        m.start("d2"),
                        m.end(),
                        "dmy",
                        (*((k, v) for k, v in parts if k not in ("d", "conj", "d2")), ("d", m.group("d2"))),
                        rank,
                    )
                )
                continue
            found.append(Candidate(m.start(), m.end(), kind, parts, rank))
    found.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for c in found:
        if any(occupied[c.start : c.end]):
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return _merge(taken, text)


def _merge(cands: list[Candidate], text: str) -> list[Candidate]:
    """Join ``A से B`` date ranges and ``चार महीने पहले 23 जुलाई`` (the date wins)."""
    out: list[Candidate] = []
    for c in cands:
        if out:
            prev = out[-1]
            gap = text[prev.end : c.start]
            if prev.kind in _ABS and c.kind in _ABS and _RANGE_GAP.fullmatch(gap) and "\n" not in gap:
                out[-1] = Candidate(prev.start, c.end, "range", (("a", prev), ("b", c)), prev.rank)
                continue
            if (
                c.kind in ("clock", "vague")
                and prev.kind in ("clock", "weekday", "dmy", "dayword")
                and _RANGE_GAP.fullmatch(gap)
                and "\n" not in gap
                and (c.kind == "clock" or prev.kind == "clock")
            ):
                # "दोपहर 2:30 बजे से शाम 7 बजे", "सुबह 6 बजे से लेकर आधी रात": one span, the day's value
                out[-1] = Candidate(prev.start, c.end, prev.kind, prev.parts, prev.rank)
                continue
            if (prev.kind, c.kind) in _APPOS_KINDS and _APPOS_GAP.fullmatch(gap):
                # "मंगलवार 24 अगस्त", "पहले दिन सोमवार": one span, the more specific value
                out[-1] = Candidate(prev.start, c.end, c.kind, c.parts, c.rank)
                continue
            if prev.kind == "ago" and c.kind in ("dmy", "rel_month", "my") and gap.strip() == "":
                out[-1] = Candidate(prev.start, c.end, c.kind, c.parts, c.rank)
                continue
        out.append(c)
    return out


def is_calendar(c: Candidate, text: str) -> bool:
    """Does this candidate denote a calendar time (not a duration, count or vague time)?"""
    if c.kind not in CALENDAR_KINDS:
        return False
    if c.kind in ("relunit", "unitpart") and _lookup(lexicon()["_units"], c.get("u")) == "decade":
        return False  # पिछले दशक: no value form for decades in spec/record.md
    if c.kind == "ago":
        n = c.get("n")
        unit = _lookup(lexicon()["_units"], c.get("u"))
        if n is None or unit not in ("day", "week", "month", "year"):
            return False
        if parse_number(n) is None:
            return False
        return not _ANCHOR_BEFORE.search(text[max(0, c.start - 12) : c.start])
    return True


def parse_number(s: str) -> int | None:
    s = " ".join(s.split())
    if regex.fullmatch(r"[0-9०-९]+", s):
        return to_int(s)
    v = _lookup(lexicon()["numbers"], s)
    return v if isinstance(v, int) else None


@cache
def _iltimex_res() -> tuple[regex.Pattern[str], ...]:
    lx = lexicon()
    return (
        regex.compile(rf"{_S}{_alt(lx['iltimex_suffix_after_anchor'])}{_WE}"),
        regex.compile(rf"{_S}{_alt(lx['iltimex_suffix_after_duration'])}{_WE}"),
        regex.compile(rf"{_S}{_alt(lx['iltimex_suffix_after_date'])}{_WE}"),
        regex.compile(rf"{_WB}{_alt(lx['duration_prefixes'])}{_S}$"),
        regex.compile(rf"{_S}(?:और|व){_S}$"),
        regex.compile(rf"{_S}के{_S}बीच{_WE}"),
    )


_ANCHORABLE = frozenset({"year", "decade", "my", "range"})
_DATE_LIKE = frozenset({"dmy", "weekday", "month", "md"})
_CLOCK_UNITS = frozenset({"hour", "minute", "second"})


def iltimex_spans(cands: list[Candidate], text: str) -> list[tuple[int, int]]:
    """Adjust candidate spans to the ILTIMEX2012 annotation conventions (detection scoring only).

    ILTIMEX keeps an anchoring ``के बाद``/``से पहले`` after years (``1966 के बाद``), ``का समय``
    after durations (``15 दिन का समय``), ``का दिन``/``दिन भर`` after dates and weekdays, a
    demonstrative or ordinal before a counted duration (``पहले तीन दिन``), a frequency word
    before a clock time or duration (``रोज शाम 5 बजे``) and ``A और B के बीच`` as one span.
    """
    after_anchor, after_dur, after_date, dur_pre, and_gap, between = _iltimex_res()
    spans: list[tuple[int, int]] = []
    kinds: list[str] = []
    for c in cands:
        s, e = c.start, c.end
        if spans and s < spans[-1][1]:
            continue  # swallowed by the previous span's suffix (बुधवार दिन भर)
        m = None
        if c.kind in _ANCHORABLE:
            m = after_anchor.match(text, e)
        elif c.kind == "duration":
            m = after_dur.match(text, e)
            p = None if c.get("mod") else dur_pre.search(text[max(0, s - 20) : s])
            if p and not (spans and spans[-1][1] > s - len(p.group(0))):
                s -= len(p.group(0))
        elif c.kind in _DATE_LIKE:
            m = after_date.match(text, e)
        if m:
            e = m.end()
        if (
            spans
            and kinds[-1] == "freq"
            and (c.kind == "clock" or _lookup(lexicon()["_units"], c.get("u") or "") in _CLOCK_UNITS)
            and text[spans[-1][1] : s].isspace()
        ):
            spans[-1] = (spans[-1][0], e)  # रोज शाम 5 बजे
            kinds[-1] = c.kind
            continue
        if spans and c.kind == "month" and kinds[-1] == "month":
            gap = text[spans[-1][1] : s]
            b = between.match(text, e)
            if b and and_gap.fullmatch(gap):
                spans[-1] = (spans[-1][0], b.end())  # जनवरी और फरवरी के बीच
                kinds[-1] = c.kind
                continue
        spans.append((s, e))
        kinds.append(c.kind)
    return spans


def find_spans(text: str, scheme: str = "calendar") -> list[tuple[int, int]]:
    """Detected spans only: ``scheme`` is ``"calendar"`` or ``"iltimex"``."""
    cands = candidates(text)
    if scheme == "iltimex":
        return iltimex_spans(cands, text)
    return [(c.start, c.end) for c in cands if is_calendar(c, text)]
