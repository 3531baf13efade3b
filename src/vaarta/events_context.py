"""Document context for :mod:`vaarta.events`: the people named before a position (for dropped
subjects and pronouns) and the time expressions that date an event.

Helpers of :mod:`vaarta.events`; built once per document, read-only afterwards.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import regex

from .events_lexicon import match_at
from .model import Entity, TimeExpr

_RANGE_END = regex.compile(
    r"\s*(?:से\s+[^।,;]{1,25}?\s+तक|(?:(?:की|के|को)\s+(?:आधी\s+)?(?:रात|सुबह|शाम|दोपहर)(?:\s+[\p{L}\p{M}\d]+){0,3}?\s+)?तक)"
    r"(?![\p{L}\p{M}])"
)  # "31 मार्च की आधी रात तक": the end of a period too


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


class _Times:
    """Time expressions by start, for the dates of events (bisect instead of a scan per event)."""

    def __init__(self, times: Sequence[TimeExpr], text: str) -> None:
        self.times = sorted(times, key=lambda t: t.start)  # stable: the stage's order within a start
        self.starts = [t.start for t in self.times]
        self.text = text
        self._range_end: dict[int, bool] = {}

    def _in(self, s: int, e: int) -> list[TimeExpr]:
        lo, hi = bisect_left(self.starts, s), bisect_left(self.starts, e + 1)
        return [t for t in self.times[lo:hi] if t.end <= e]

    def range_end(self, t: TimeExpr) -> bool:
        """Whether ``t`` ends a range or a period (… से … तक, … तक)."""
        got = self._range_end.get(t.end)
        if got is None:
            got = self._range_end[t.end] = bool(match_at(_RANGE_END, self.text, t.end))
        return got

    def within(self, s: int, e: int) -> bool:
        return bool(self._in(s, e))

    def date(self, s: int, e: int, at: int, stop: int | None = None) -> str | None:
        """The time of [s, e) that dates a trigger at ``at``: the last one before it, else the
        first after it — but not one past ``stop`` (the next trigger of the same type) or nearer
        to it than to this one: "गुजरात के भूकंप के समय … शनिवार का भूकंप"."""
        # "1 मई से 15 मई तक स्कूल बंद": the ends of a range date a period, not a happening
        inside = [t for t in self._in(s, e) if not self.range_end(t)]
        if not inside:
            return None
        before = [t for t in inside if t.start < at]
        if before:
            return before[-1].value
        t = inside[0]
        if stop is not None and (t.start > stop or stop - t.end < t.start - at):
            return None  # past the next trigger, or nearer to it: that one's time
        return t.value

    def last_day(self, lo: int, hi: int) -> str | None:
        """The value of the last day-precise time starting in [lo, hi), not a range's end."""
        a, b = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        for t in reversed(self.times[a:b]):
            if t.value and len(t.value) == 10 and not self.range_end(t):
                return t.value
        return None
