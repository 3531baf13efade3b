"""Figures told by many articles: one exact number reported by several outlets on one day.

Outlets that report one bulletin, one test count or one decision copy its figures: "13,387 मामले",
"1,07,006 टेस्ट", "3,700 ट्रेनें रद्द". An exact figure of four or more digits that two articles
published the same day both give is almost always the same news, even where the events
stage typed neither sentence, or typed them differently. Across articles such a figure is
merged as a cluster of type :data:`FIGURE`: every article that gives it on that day.

Only *exact* figures count (:func:`exact_figures`): 1,000 or more, not a whole thousand
("3,000 के पार", "23,000 मामले" are rounded), not followed by a threshold word (के पार, से
ज्यादा, से अधिक) nor preceded by an estimate word (करीब, लगभग), not a year (1900–2100 without a
digit-group comma). Measured as article links on the 31 tuning days of the covid cluster gold
(docs/crossdoc.md, round 18): such shared figures link 53 article pairs of one day, 51 of them pairs
the gold joins (9 true and 1 false that no event already linked); with bare shared numbers of 1,000
or more it was 66 true and 17 false.

Each article gives one figure report per distinct figure: an :class:`EventReport` whose event
has type ``FIGURE``, the figure (Indian digit grouping, ``13,387``) as its only participant,
the article's publication day as its date and the sentence of the figure's first occurrence
as its evidence; its ``index`` is the character offset of that occurrence in the article's
text (so a cluster member ``(article_id, idx)`` of a ``FIGURE`` cluster names a place in the
text, not an event).
"""

from __future__ import annotations

from typing import Any

import regex

from .crossdoc_types import EventReport
from .model import Event, Span
from .timex_patterns import _DIGITS as _DEVANAGARI_DIGITS  # ० … ९ → 0 … 9

FIGURE = "FIGURE"  # the cluster type (an extension of the event types of spec/ontology.md)
# Flag: exact figures shared by several articles of one day are merged (off: they are not)
FIGURES = True
# The smallest figure that links articles (tuning days, pairs no event already linked: at 500, 12 true
# and 3 false; at 1,000, 9 true and 1 false)
MIN_FIGURE = 1000

# a comma or a dot belongs to a number only between digits: "13,387," ends at the 7, "रु.1500" is 1500
_NUMBER = regex.compile(r"(?<!\d)(?<!\d[,.])(?:\d{1,3}(?:,\d{2,3})+|\d+)(?!\d|,\d|\.\d)")
# "3000 के पार", "82,000 से अधिक", "16 लाख के करीब": a threshold, not a count (whole words:
# "1,347 अधिकारियों" and "पारस अस्पताल" are no threshold)
_THRESHOLD_AFTER = regex.compile(r"\s*(?:के|से)?\s*(?:पार|ज्यादा|ज़्यादा|अधिक|ऊपर|करीब|क़रीब)(?![\p{L}\p{M}])")
_ESTIMATE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:करीब|क़रीब|लगभग|तकरीबन|तक़रीबन|अनुमानित)\s*$")
# a helpline, phone or PIN number is no count: "हेल्पलाइन नंबर 1075", "011-23978046", "पिन 110001"
_PHONE_BEFORE = regex.compile(r"(?:नंबर|नम्बर|हेल्पलाइन|फोन|फ़ोन|मोबाइल|फ्री|पिन|कोड|व्हाट्सएप)[\s:.\-]*$")
_SENTENCE_END = regex.compile(r"[।?!|\n]")


def exact_figures(text: str) -> list[tuple[int, int, int]]:
    """The exact figures of a text: ``(value, start, end)`` of each occurrence, in text order."""
    digits = text.translate(_DEVANAGARI_DIGITS)  # same length: offsets hold for ``text``
    out = []
    for m in _NUMBER.finditer(digits):
        s = m.group(0)
        v = int(s.replace(",", ""))
        if v < MIN_FIGURE or v % 1000 == 0:
            continue
        if 1900 <= v <= 2100 and "," not in s:
            continue  # a year
        if _THRESHOLD_AFTER.match(digits, m.end()) or _ESTIMATE_BEFORE.search(digits[max(0, m.start() - 12) : m.start()]):
            continue
        if _phone_like(digits, s, m.start(), m.end()):
            continue
        out.append((v, m.start(), m.end()))
    return out


def _phone_like(digits: str, s: str, start: int, end: int) -> bool:
    """A number that reads as a phone, helpline or PIN number, not a count: seven or more digits with
    no digit groups, digits joined by a hyphen (``011-23978046``, ``1800-180-1104``), or a phone word
    just before it."""
    if "," not in s and len(s) >= 7:
        return True
    if regex.match(r"-\d", digits[end : end + 2]) or regex.search(r"\d-$", digits[max(0, start - 2) : start]):
        return True
    return bool(_PHONE_BEFORE.search(digits[max(0, start - 20) : start]))


def indian_grouping(value: int) -> str:
    """``1,07,006``: how a figure is written in Indian news (lakh and crore groups)."""
    s = str(value)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join([*groups, tail])


def sentence_around(text: str, start: int, end: int) -> Span:
    """The span of the sentence (or line, or headline segment) holding ``start``–``end``."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    stop = right.start() if right else len(text)
    while left < start and text[left].isspace():
        left += 1
    return Span(left, max(stop, end))


def figure_reports(article_id: str, published: str | None, source: str, text: str) -> list[EventReport]:
    """One figure report per distinct exact figure of an article's text (none without a publication
    date: a figure links articles of one publication day)."""
    if not FIGURES or not published:
        return []
    seen: dict[int, tuple[int, int]] = {}
    for v, s, e in exact_figures(text):
        seen.setdefault(v, (s, e))
    out = []
    for v, (s, e) in seen.items():
        span = sentence_around(text, s, e)
        ev = Event(
            type=FIGURE,
            status="occurred",
            actors=(indian_grouping(v),),
            recipients=(),
            evidence=(span,),
            date=published[:10],
            confidence=1.0,
        )
        out.append(EventReport(article_id, s, published, source, ev, text[span.start : span.end]))
    return sorted(out, key=lambda r: r.index)


def figures_from_record(article_id: str, published: str | None, source: str, record: Any) -> list[EventReport]:
    """:func:`figure_reports` of a :class:`~vaarta.model.Record`."""
    return figure_reports(article_id, published, source, record.document.text)


def figure_match(a: EventReport, b: EventReport) -> tuple[bool, str]:
    """Whether two figure reports tell one figure: the same figure, the same publication day."""
    if a.event.date is None or a.event.date != b.event.date:
        return False, "figures published on different days"
    if a.event.actors != b.event.actors:
        return False, "different figures"
    return True, "same figure, same publication day"
