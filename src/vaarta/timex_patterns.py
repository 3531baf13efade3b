"""Hindi time-expression patterns: the lexicon, the compiled patterns and their anchors.

Used by :mod:`vaarta.timex_detect` (which scans a text with them); split from it so that
each module stays small.

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

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex

from .timex_anchors import _RUN, _Anchors

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
    # Start words (see _Anchors.starts): for the patterns whose whole-stretch scan is dear, the
    # first letter run of every form a match can begin with, or a digit or Latin letter ("0",
    # "a"): the pattern is then tried (``match``) only where one of them starts a letter run.
    # None: the pattern scans its stretches (``finditer``). Every start word listed here is
    # followed, in its pattern, by a space or a non-letter (\_WE, \_S, a hyphen), so it is a
    # whole letter run wherever a match begins with it.
    day_starts = [*day_words, "0"]
    nums_starts = [*lx["numbers"], *lx["fractions"], *lx["vague_counts"], *_VAGUE_N_EXTRA, "0"]
    ordinals = ordinal[3:-1].split("|")
    starts: list[list[str] | None] = [
        day_starts,  # range_dd
        day_starts,  # dmy
        ["0"],  # dmy "13 तारीख"
        [*lx["_months"]],  # md
        [*lx["_months"]],  # my
        [*lx["_mods"]],  # rel_month
        [*lx["_mods"], *lx["_months"]],  # month
        [*lx["year_prefixes"], "0"],  # year
        ["0"],  # numeric
        ["0"],  # iso
        [*lx["_mods"], *lx["_weekdays"]],  # weekday
        [*lx["day_words"]],  # dayword
        [*lx["_mods"]],  # relunit
        [*lx["_units"]],  # unitpart (unit_cal is a subset of the units)
        ["आज", *nums_starts, *lx["_units"], "समय", "अवधि", "रात", "रातों"],  # ago
        [*lx["_mods"], "पूरे", *nums_starts],  # duration
        None,  # duration "दिन भर" (may be glued: दिनभर)
        [
            *("हर", "प्रति", "प्रत्येक", "रोज़", "रोज", "प्रतिदिन", "आजकल", "आज", "सालाना", "दैनिक"),
            *("साप्ताहिक", "मासिक", "समय", "आए", "आये", "दिनों", "दिन"),
        ],  # freq
        [*ordinals, "पिछले", "आने", "हाल", "अतीत", "देर", "आधी", "इन"],  # vague
        [*lx["festivals"], *lx["seasons"]],  # festival
        None,  # decade
        None,  # clock (a number before बजे may be glued to से: दोसे)
        [
            *lx["vague_extra"],
            *("कुछ", "उस", "उसी", "किसी-किसी", "किसी", "पहला", "दूसरा", "तीसरा", "चौथा", "आखिरी", "आख़िरी", "अंतिम"),
        ],  # vague (extra)
        [*lx["bare_time_nouns"]],  # bare before a postposition
        ["समय", "वक्त", "वक़्त"],  # bare after a participle
        ["दिन", "रात", "शाम", "सुबह", "समय"],  # bare after वाले/वाली
        [*lx["bare_plural_nouns"]],  # bare plural
    ]
    assert len(starts) == len(pats)
    lx["_anchors"] = _Anchors(specs, [None if f is None else _start_words(f) for f in starts])
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


def _start_words(forms: list[str]) -> frozenset[str]:
    """The first letter run of every spelling of every non-ASCII form; ``"0"`` if a form starts
    with a digit, ``"a"`` if an ASCII form starts with a letter (matched case-insensitively)."""
    words: set[str] = set()
    for f in forms:
        if f.isascii():
            assert f[:1].isalnum(), f
            words.add("0" if f[0].isdigit() else "a")
            continue
        for v in _variants(f):
            run = _RUN.match(v)
            assert run and run.start() == 0, f"start form must start with a letter: {v!r}"
            words.add(run.group())
    return frozenset(words)
