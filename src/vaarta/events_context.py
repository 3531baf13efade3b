"""Document context for :mod:`vaarta.events`: the people named before a position (for dropped
subjects and pronouns) and the time expressions that date an event.

Helpers of :mod:`vaarta.events`; built once per document, read-only afterwards.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import regex

from .events_lexicon import match_at
from .model import Entity, TimeExpr

_RANGE_END = regex.compile(
    r"\s*(?:से\s+[^।,;]{1,25}?\s+तक|(?:(?:की|के|को)\s+(?:आधी\s+)?(?:रात|सुबह|शाम|दोपहर)(?:\s+[\p{L}\p{M}\d]+){0,3}?\s+)?तक)"
    r"(?![\p{L}\p{M}])"
)  # "31 मार्च की आधी रात तक": the end of a period too
# Flag (crossdoc round 23): a time a "since" phrase starts from is not the day of the happening:
# "मंगलवार के आंकड़े जारी होने के बाद से तीन मौतें" happened after Tuesday, "25 मार्च से अब तक" up to now.
SINCE_NOT_THE_DAY = True
_SINCE = regex.compile(
    r"\s*(?:(?:[\p{L}\p{M}\d]+\s+){0,5}?के\s+बाद\s+से|से\s+(?:लेकर\s+)?(?:अब\s*तक|अभी\s*तक|आज\s+तक))(?![\p{L}\p{M}])"
)


# A dateline (नई दिल्ली: …, मुंबई : …) names where the reporter is, not a participant or place.
_DATELINE = regex.compile(r"[ \t]*:")


def dateline(text: str, mention_end: int) -> bool:
    """Whether the mention ending at ``mention_end`` is a dateline's place (a colon follows it)."""
    return bool(match_at(_DATELINE, text, mention_end))


def sentence_mentions(
    text: str,
    mentions: Sequence[tuple[int, int, Entity]],
    m_starts: Sequence[int],
    sent: tuple[int, int],
    title_end: int,
    nested: bool,
) -> list[tuple[int, int, Entity]]:
    """The mentions of the sentence ``sent`` (start, end) that may be its parties or places: no dateline,
    except in the headline (up to ``title_end``, -1 for none: "यूपी : 41 नए मरीज" names the headline's
    subject, round 20), and unless ``nested`` no name inside a longer one (महाराष्ट्र in "महाराष्ट्र सरकार")."""
    lo, hi = bisect_left(m_starts, sent[0]), bisect_right(m_starts, sent[1])
    out = [m for m in mentions[lo:hi] if m[1] <= sent[1] and (m[1] <= title_end or not dateline(text, m[1]))]
    if nested:
        return out
    return [m for m in out if not any(o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0] for o in out)]


class _Salient:
    """The last distinct entities of some types mentioned before a position: what
    ``sorted(mentions, key=-start)`` walked from the position gave, from one sorted list built
    once per document (a walk per event made the stage quadratic on long articles)."""

    def __init__(self, mentions: Sequence[tuple[int, int, Entity]], types: tuple[str, ...]) -> None:
        # latest first; mentions with one start keep their order (a stable sort)
        self.desc = sorted((m for m in mentions if m[2].type in types), key=lambda m: -m[0])
        self.neg_starts = [-m[0] for m in self.desc]
        # the next index whose entity differs from this one's (skips a run of one name)
        self.other = [0] * len(self.desc)
        nxt = len(self.desc)
        for i in range(len(self.desc) - 1, -1, -1):
            if i + 1 < len(self.desc) and self.desc[i + 1][2] != self.desc[i][2]:
                nxt = i + 1
            self.other[i] = nxt

    def before(self, pos: int, n: int, lo: int = 0) -> list[Entity]:
        """The last ``n`` distinct entities mentioned before ``pos`` and from ``lo`` on."""
        out: list[Entity] = []
        i = bisect_right(self.neg_starts, -pos)  # the first mention starting before pos
        while i < len(self.desc) and len(out) < n and self.desc[i][0] >= lo:
            ent = self.desc[i][2]
            if ent in out:
                i = self.other[i]
                continue
            out.append(ent)
            i += 1
        return out


# Crossdoc round 10: a weekday or कल that dates an event reported as having happened
# names a day up to the publication date. "शुक्रवार को 57 नए मामले सामने आए" in a Saturday paper is
# the Friday before, though the time stage may resolve a bare weekday forward (to the next
# Friday) and कल to tomorrow; such a value after the publication date is moved back a week
# (a weekday) or to the day before publication (कल).
PAST_DAYS = True
_WEEKDAY = regex.compile(r"(?:सोमवार|मंगलवार|बुधवार|गुरुवार|बृहस्पतिवार|शुक्रवार|शनिवार|रविवार)(?![\p{L}\p{M}])")
_KAL = regex.compile(r"कल(?![\p{L}\p{M}])")
# Crossdoc round 11: the day from which an ordered or announced measure runs ("बुधवार से 21 दिनों
# के लॉकडाउन के आदेश", "सोमवार से कर्फ्यू की घोषणा") is a coming day: a weekday the time stage
# resolved up to a week before publication is moved a week on.
COMING_MEASURE_DAYS = True
_MEASURE_FROM = regex.compile(
    r"\s*से\s+(?:[\p{L}\p{M}\d]+\s+){0,4}?(?:लॉकडाउन|लॉक\s*डाउन|कर्फ्यू|कर्फ़्यू|धारा[\s-]*144)\s+(?:के|का|की)\s+"
    r"(?:आदेश|ऐलान|एलान|घोषणा)(?![\p{L}\p{M}])"
)


def _past_value(t: TimeExpr, published: str | None) -> str | None:
    """The day ``t`` names when it dates a past happening, if it differs from ``t.value``."""
    if not (PAST_DAYS and published and t.value and len(t.value) == 10 and len(published) >= 10):
        return None
    try:
        day, pub = dt.date.fromisoformat(t.value), dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    if day <= pub:
        return None
    if _WEEKDAY.match(t.text) and (day - pub).days <= 7:
        return (day - dt.timedelta(days=7)).isoformat()
    if _KAL.match(t.text) and (day - pub).days == 1:
        return (pub - dt.timedelta(days=1)).isoformat()
    return None


def _coming_value(t: TimeExpr, text: str, published: str | None) -> str | None:
    """The coming day a weekday names when an ordered measure runs from it (COMING_MEASURE_DAYS)."""
    if not (COMING_MEASURE_DAYS and published and t.value and len(t.value) == 10 and _WEEKDAY.match(t.text)):
        return None
    if not match_at(_MEASURE_FROM, text, t.end):
        return None
    try:
        day, pub = dt.date.fromisoformat(t.value), dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (day + dt.timedelta(days=7)).isoformat() if 0 < (pub - day).days < 7 else None


class _Times:
    """Time expressions by start, for the dates of events (bisect instead of a scan per event)."""

    def __init__(self, times: Sequence[TimeExpr], text: str, published: str | None = None) -> None:
        self.times = sorted(times, key=lambda t: t.start)  # stable: the stage's order within a start
        self.starts = [t.start for t in self.times]
        self.text = text
        self._range_end: dict[int, bool] = {}
        # the day a weekday or कल names when it dates a past happening (PAST_DAYS), by start
        self.past = {t.start: v for t in self.times if (v := _past_value(t, published)) is not None} if published else {}
        self.coming = {t.start: v for t in self.times if (v := _coming_value(t, text, published)) is not None}

    def value(self, t: TimeExpr, occurred: bool) -> str | None:
        """``t``'s value; for a happening reported as past, never a day after publication."""
        if self.coming and t.start in self.coming:
            return self.coming[t.start]
        return self.past.get(t.start, t.value) if occurred and self.past else t.value

    def _in(self, s: int, e: int) -> list[TimeExpr]:
        lo, hi = bisect_left(self.starts, s), bisect_left(self.starts, e + 1)
        return [t for t in self.times[lo:hi] if t.end <= e]

    def range_end(self, t: TimeExpr) -> bool:
        """Whether ``t`` ends a range or a period (… से … तक, … तक), or starts a "since" (SINCE_NOT_THE_DAY)."""
        got = self._range_end.get(t.end)
        if got is None:
            got = bool(match_at(_RANGE_END, self.text, t.end)) or (SINCE_NOT_THE_DAY and bool(match_at(_SINCE, self.text, t.end)))
            self._range_end[t.end] = got
        return got

    def within(self, s: int, e: int) -> bool:
        return bool(self._in(s, e))

    def date(self, s: int, e: int, at: int, stop: int | None = None, occurred: bool = False) -> str | None:
        """The time of [s, e) that dates a trigger at ``at``: the last one before it, else the
        first after it — but not one past ``stop`` (the next trigger of the same type) or nearer
        to it than to this one: "गुजरात के भूकंप के समय … शनिवार का भूकंप"."""
        # "1 मई से 15 मई तक स्कूल बंद": the ends of a range date a period, not a happening
        inside = [t for t in self._in(s, e) if not self.range_end(t)]
        if not inside:
            return None
        before = [t for t in inside if t.start < at]
        if before:
            return self.value(before[-1], occurred)
        t = inside[0]
        if stop is not None and (t.start > stop or stop - t.end < t.start - at):
            return None  # past the next trigger, or nearer to it: that one's time
        return self.value(t, occurred)

    def last_day(self, lo: int, hi: int, occurred: bool = False) -> str | None:
        """The value of the last day-precise time starting in [lo, hi), not a range's end."""
        a, b = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        for t in reversed(self.times[a:b]):
            if t.value and len(t.value) == 10 and not self.range_end(t):
                return self.value(t, occurred)
        return None
