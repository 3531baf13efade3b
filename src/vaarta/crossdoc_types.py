"""Values and time arithmetic shared by the across-article merging modules.

:class:`EventReport` (one event of one article), :class:`EventCluster` and
:class:`Contradiction` (the result), name folding, date intervals and the weekly windows
that :mod:`vaarta.crossdoc` clusters in (docs/crossdoc.md "Merging events").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .model import Event

# ---------------------------------------------------------------------------------------
# Tunables (docs/crossdoc.md "Merging events"):
UNDATED_BACK_DAYS = 1  # an undated "occurred" report: the event happened up to N days before
#                        publication (daily papers report today's and yesterday's news; 3 until
#                        crossdoc round 12: 1 removes two cross-day false pairs on the 11 tuning
#                        days and loses no true one)
PLANNED_AHEAD_DAYS = 3  # an undated "planned" report: the event takes place within N days after
#                         publication (30 until crossdoc round 23: an undated plan met any report of
#                         its place for a month, "दिल्ली में … बंद रहेगा" of 22 March and 9 April's seals)
# Per-mode publication window for undated "occurred" reports: an epidemic report is a daily
# update (cases confirmed today, deaths overnight), so two undated ones tell one update only
# when published at most a day apart (measured on eval/clusters/covid-gold.jsonl, docs/crossdoc.md).
UNDATED_BACK_DAYS_BY_MODE = {"epidemic": 1}
# ---------------------------------------------------------------------------------------

Interval = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class EventReport:
    """One event as one article tells it (``index`` = its position in the article's events).

    ``evidence_text``: the text of the event's evidence spans (joined by `` | ``), when the
    caller has the article text (:func:`reports_from_record`); epidemic bulletins are told
    apart by the case counts in it. None: unknown, the count rules do not apply.
    """

    article_id: str
    index: int
    published: str | None
    source: str
    event: Event
    evidence_text: str | None = None


@dataclass(frozen=True, slots=True)
class Contradiction:
    field: str  # date | location | participants | killed | injured
    readings: tuple[tuple[Any, str], ...]  # (value, article_id), sorted


@dataclass(frozen=True, slots=True)
class EventCluster:
    id: str
    type: str
    participants: tuple[str, ...]
    date: str | None
    location: str | None
    reports: tuple[tuple[str, int], ...]  # (article_id, index), sorted
    reason: str
    contradictions: tuple[Contradiction, ...] = ()
    block: str = ""
    links: tuple[tuple[str, int, str], ...] = ()  # (article_id, index, why it joined)

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({a for a, _ in self.reports}))

    def to_json(self) -> dict[str, Any]:
        """The spec's cluster export object (record.md "Across articles") plus extras."""
        return {
            "id": self.id,
            "type": self.type,
            "participants": list(self.participants),
            "date": self.date,
            "location": self.location,
            "articles": list(self.articles),
            "reason": self.reason,
            "reports": [list(r) for r in self.reports],
            "contradictions": [
                {"field": c.field, "readings": [{"value": v, "article": a} for v, a in c.readings]} for c in self.contradictions
            ],
        }


def evidence_text(text: str, event: Event) -> str:
    """The text of an event's evidence spans in ``text`` (the article's cleaned text)."""
    return " | ".join(text[s.start : s.end] for s in event.evidence)


def reports_from_record(article_id: str, published: str | None, source: str, record: Any) -> list[EventReport]:
    """One :class:`EventReport` per event of a :class:`~vaarta.model.Record`, with its evidence text."""
    text = record.document.text
    return [EventReport(article_id, i, published, source, ev, evidence_text(text, ev)) for i, ev in enumerate(record.events)]


# ----------------------------------------------------------------------------- helpers


def fold(name: str) -> str:
    return " ".join(name.casefold().split())


def participants(ev: Event) -> frozenset[str]:
    return frozenset(fold(n) for n in (*ev.actors, *ev.recipients) if n.strip())


def parse_date(value: str | None) -> Interval | None:
    """``2021-12-15`` / ``2021-12`` / ``2021`` / ``2021-W50`` → inclusive day interval."""
    if not value:
        return None
    try:
        if "-W" in value:
            y, w = value.split("-W")
            start = dt.date.fromisocalendar(int(y), int(w), 1)
            return start, start + dt.timedelta(days=6)
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            d = dt.date(*parts)
            return d, d
        if len(parts) == 2:
            start = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def span_days(iv: Interval) -> int:
    return (iv[1] - iv[0]).days


def pub_window(r: EventReport) -> Interval | None:
    """When the event may have happened, for an undated report, from its publication date."""
    pub = parse_date(r.published)
    if pub is None:
        return None
    p = pub[0]
    if r.event.status in ("planned", "possible"):
        return p, p + dt.timedelta(days=PLANNED_AHEAD_DAYS)
    return p - dt.timedelta(days=UNDATED_BACK_DAYS_BY_MODE.get(r.event.mode or "", UNDATED_BACK_DAYS)), p


# Crossdoc round 13: an epidemic count told as having occurred cannot be dated after its publication
# (a time of another clause, "15 अप्रैल तक", taken for the count's): its date is read as unknown,
# for the pair test and for the window it is filed under. (A measure may be: "बुधवार से 21 दिनों का
# लॉकडाउन" takes effect the next day.)
NO_FUTURE_OCCURRED = True
NO_FUTURE_MODES = frozenset({"epidemic"})
# Crossdoc round 16: an epidemic count dated only coarser than a day (a week, a month, a year: "मार्च में
# हुए जलसे में … कुल मामले 1949") took that date from another happening of its sentence: a count is a
# day's snapshot, so that date is read as unknown too (``told=True`` still gives it, for BACKGROUND rules)
COUNT_DAY_ONLY = True


def event_date(r: EventReport, pub: Interval | None, told: bool = False) -> Interval | None:
    """The report's event date as an interval; None for a future date of an occurred count, and
    (unless ``told``) for a count dated coarser than a day (COUNT_DAY_ONLY)."""
    iv = parse_date(r.event.date)
    if (
        NO_FUTURE_OCCURRED
        and iv is not None
        and pub is not None
        and r.event.status == "occurred"
        and r.event.mode in NO_FUTURE_MODES
        and iv[0] > pub[1]
    ):
        return None
    if COUNT_DAY_ONLY and not told and iv is not None and r.event.mode in NO_FUTURE_MODES and span_days(iv) > 0:
        return None
    return iv


def anchor(r: EventReport) -> dt.date | None:
    pub = parse_date(r.published)
    iv = event_date(r, pub)
    if iv is not None:
        if span_days(iv) > 0 and pub is not None:
            # a coarse date: file it under the day of it nearest to publication ("last
            # month" told on 1 April lies at 31 March, next to the day reports of it)
            return min(max(pub[0], iv[0]), iv[1])
        return iv[0]
    return pub[0] if pub is not None else None


def week(d: dt.date) -> int:
    """Monday-based week number (0 = the week of 0001-01-01, a Monday)."""
    return (d.toordinal() - 1) // 7


def week_start(w: int) -> dt.date:
    return dt.date.fromordinal(w * 7 + 1)


UNDATED = -1  # the week of a report with no date at all (its type's one "undated" window)


def home(r: EventReport) -> tuple[str, int]:
    a = anchor(r)
    return r.event.type, (week(a) if a is not None else UNDATED)


def windows(h: tuple[str, int]) -> tuple[tuple[str, int], ...]:
    """The windows a report lies in: the one starting at its week and the one before."""
    typ, w = h
    return ((typ, w),) if w == UNDATED else ((typ, w - 1), (typ, w))


def window_key(win: tuple[str, int]) -> str:
    typ, w = win
    return f"{typ}|undated" if w == UNDATED else f"{typ}|{week_start(w):%Y-%m-%d}+14d"


def window_of(block: str) -> tuple[str, int]:
    typ, _, rest = block.rpartition("|")
    if rest == "undated":
        return typ, UNDATED
    return typ, week(dt.date.fromisoformat(rest.split("+")[0]))


def blocking_key(report: EventReport) -> str:
    """``TYPE|YYYY-MM-DD``: the Monday of the report's anchor week (``TYPE|undated``
    without any date). A report meets the reports of its own week and of the weeks on
    either side (windows of two weeks, :attr:`EventCluster.block`)."""
    typ, w = home(report)
    return f"{typ}|undated" if w == UNDATED else f"{typ}|{week_start(w):%Y-%m-%d}"


def report_key(r: EventReport) -> tuple[str, int]:
    return (r.article_id, r.index)
