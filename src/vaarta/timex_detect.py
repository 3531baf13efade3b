"""Hindi time-expression detection: candidate spans with a kind and parsed parts.

The lexicon, the patterns and their anchors are in :mod:`vaarta.timex_patterns` (re-exported
here); this module scans a text with them: every pattern yields candidates, the longest
non-overlapping ones win, neighbours are merged (ranges, appositions), and the two schemes
(``"calendar"``, ``"iltimex"``) pick and shape the spans.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from .timex_patterns import (
    _DIGITS,
    _S,
    _WB,
    _WE,
    CALENDAR_KINDS,
    LEXICON_PATH,
    YEAR_BARE,
    Candidate,
    _alt,
    _Anchors,
    _lookup,
    lexicon,
    to_int,
)

__all__ = [
    "CALENDAR_KINDS",
    "LEXICON_PATH",
    "YEAR_BARE",
    "_DIGITS",
    "_S",
    "_WB",
    "_WE",
    "Candidate",
    "_alt",
    "_lookup",
    "candidates",
    "find_spans",
    "iltimex_spans",
    "is_calendar",
    "lexicon",
    "parse_number",
    "to_int",
]


_RANGE_GAP = regex.compile(r"\s*(?:से|-|–|से\s+लेकर|से\s+ले\s+कर|से\s+शुरू\s+होकर)\s*")
_KALKAL_AFTER = regex.compile(r"\s*-\s*कल")
_KALKAL_BEFORE = regex.compile(r"कल\s*-\s*$")
_APPOS_GAP = regex.compile(r"[^\S\n]*,?[^\S\n]+")
_APPOS_KINDS = frozenset({("weekday", "dmy"), ("weekday", "weekday"), ("vague", "weekday")})
_ANCHOR_BEFORE = regex.compile(r"(?:से|इससे|उससे|इसके|उसके|के)\s*$")
_NOT_BARE_UNIT = frozenset({"नए", "नये", "नया", "पूरे", "हर", "उस", "उसी", "एक", "किसी", "वित्त", "वित्तीय", "शैक्षणिक", "सत्र"})
_ABS = frozenset({"dmy", "month", "my", "year", "md", "rel_month"})
_NEXT_WORD = regex.compile(r"\s*([\p{L}\p{M}.]+)")
_DIGIT_END = regex.compile(r"[0-9०-९]\s*$")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_MARCH_VERB = regex.compile(r"\s*(?:निकाल|किया|करेंगे|कर|में\s+शामिल|का\s+आयोजन)")
_DIGITS_ONLY = regex.compile(r"[0-9०-९]+")
# a number right after these words is a count reached, not a year
_COUNT_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:बढ़\s*कर|संख्या|आंकड़ा|तादाद)\s+$")


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
        nxt = _NEXT_WORD.match(after)
        if not nxt:
            return False  # followed by another number: a table or an amount
        if nxt.group(1) in lx["year_follow_ok"]:
            return True
        before = text[max(0, m.start() - 8) : m.start()]
        if _COUNT_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            return False  # "संख्या बढ़कर 1965 हो गई": a count reached, not a year (crossdoc round 17)
        return nxt.group(1) not in lx["count_nouns"] and YEAR_BARE[0] <= y <= YEAR_BARE[1] and not _DIGIT_END.search(before)
    if (
        kind == "dayword"
        and g["r"] == "कल"
        and (_KALKAL_AFTER.match(text, m.end()) or _KALKAL_BEFORE.search(text[max(0, m.start() - 6) : m.start()]))
    ):
        return False  # कल-कल (the sound of water), not "yesterday"
    if kind == "unitpart":
        before = _LETTERS.findall(text, max(0, m.start() - 20), m.start())
        if before and before[-1] in _NOT_BARE_UNIT:
            return False  # नए साल की शुरुआत (new year), पूरे साल के अंत …
    if kind == "month" and not g.get("mod"):
        word = g["m"]
        if word.isascii():
            return False  # a bare English month name (English headlines, "May" the verb)
        if _lookup(lx["_months"], word) == 3 or word.lower() in ("may", "march", "mar", "jun"):
            before = _LETTERS.findall(text, max(0, m.start() - 20), m.start())
            if before and before[-1] in lx["march_not_month"]:
                return False
            after = text[m.end() : m.end() + 10]
            if _MARCH_VERB.match(after):
                return False
            if word.isascii():
                return False
    if kind == "dmy" and g.get("m") and g["m"].isascii() and not g.get("y"):
        return bool(g["d"][:1].isascii() and g["d"][:1].isdigit())  # "15 May" ok, "दो may" no
    return True


def candidates(text: str, lx: dict[str, Any] | None = None, anchored: bool = True) -> list[Candidate]:
    """All non-overlapping candidates, longest first, in text order.

    ``anchored=False`` runs every pattern over the whole text (the reference the anchored
    scan must equal; see tests/test_timex.py).
    """
    lx = lx or lexicon()
    found: list[Candidate] = []
    anchors: _Anchors = lx["_anchors"]
    starts, masks, present = anchors.stretch_masks(text) if anchored else ([0], [0], [])
    regions: dict[int, list[tuple[int, int]]] = {}
    n = len(text)
    bounds = [*starts, n + 1]
    holding: dict[int, list[int]] = {}  # anchor bits → the stretches holding all of them
    places: dict[int, dict[str, list[int]]] = {}
    for rank, (kind, pat) in enumerate(lx["_patterns"]):
        bit = anchors.bits[rank]
        if bit is None or not anchored:
            matches: Any = pat.finditer(text)
        elif anchors.starts[rank] is not None:
            if (stretches := holding.get(bit)) is None:
                stretches = holding[bit] = [i for i, mask in enumerate(masks) if mask & bit == bit]
            matches = _started(anchors, rank, pat, text, stretches, bounds, places, present)
        else:
            if (spans := regions.get(bit)) is None:
                spans = regions[bit] = anchors.regions(bit, starts, masks, n)
            matches = (x for s, e in spans for x in pat.finditer(text, s, e))
        for m in matches:
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


def _started(
    anchors: _Anchors,
    rank: int,
    pat: Any,
    text: str,
    stretches: list[int],
    bounds: list[int],
    places: dict[int, dict[str, list[int]]],
    present: list[frozenset[str]],
) -> Iterator[Any]:
    """The matches ``pat.finditer`` would give over ``stretches`` (by index), found by trying
    the pattern only where a match may begin (see _Anchors.stretch_starts).

    A match cannot begin elsewhere, so trying those places in order, each not inside the
    previous match, gives the same matches as the scan. ``places`` caches stretch_starts.
    """
    words = anchors.starts[rank]
    assert words is not None
    match = pat.match
    for i in stretches:
        lo, hi = bounds[i], bounds[i + 1] - 1
        at = places.get(i)
        if at is None:
            at = places[i] = anchors.stretch_starts(text, lo, hi, present[i])
        keys = words.intersection(at)
        if not keys:
            continue
        ps = at[next(iter(keys))] if len(keys) == 1 else sorted(p for k in keys for p in at[k])
        end = -1
        for p in ps:
            if p < end:
                continue
            m = match(text, p, hi)
            if m is not None:
                end = m.end()
                yield m


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
    if _DIGITS_ONLY.fullmatch(s):
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
