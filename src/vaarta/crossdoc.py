"""One real-world event told by many articles: merging event reports across articles.

:func:`merge` groups :class:`EventReport` values (one event of one article) into
:class:`EventCluster` values. It is a pure function of the *set* of reports: they are sorted
internally, each cluster's id is a hash of its sorted member keys, so the input order never
changes the answer.

Two reports can share a cluster only when they fall in the same block
(:func:`blocking_key`: the event type and the month of its anchor date) and are compatible
with *every* report already in the cluster (complete link, so a vague report cannot chain
two different meetings together):

* **type** equal;
* **participants** (actors + recipients, canonical names compared case- and space-folded):
  one set inside the other, or Jaccard ≥ ``PARTICIPANT_JACCARD``; when either set is empty
  the locations must both be known and agree;
* **dates**: equal; one a week/month/year containing the other; one or both unknown but
  the publication dates fit (``UNDATED_BACK_DAYS`` before publication for something that
  happened, ``PLANNED_AHEAD_DAYS`` after it for something planned: a planned event and the
  later report that it took place); or two days at most ``DAY_SLACK`` apart when the
  participants are non-empty and agree (an outlet resolving "कल" differently) — recorded
  as a contradiction;
* **locations**: equal, unknown on one side, or one inside the other per the optional
  ``inside`` map (child → parent) given to :func:`merge`.

Fields on which compatible members still differ (a day inside a week, Delhi inside India,
different death tolls) are kept as :class:`Contradiction` readings with the article that
gave each one. Numbers (killed, injured) never keep reports apart: outlets disagree on tolls.

Incremental use: clusters never span blocks, so after new reports arrive, re-merge only the
blocks they touch (:func:`update`); the result equals merging everything at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Event

# ---------------------------------------------------------------------------------------
# Tunables (docs/crossdoc.md "Merging events"):
PARTICIPANT_JACCARD = 0.5  # as spec/gold.md's event matching
UNDATED_BACK_DAYS = 3  # an undated "occurred" report: the event happened up to N days before
#                        publication (daily papers report yesterday's and the day before's news)
PLANNED_AHEAD_DAYS = 30  # an undated "planned" report: the event takes place within N days after
DAY_SLACK = 1  # two different day values this far apart may still be one event (kept as a
#                contradiction) when the participants are non-empty and agree
CONTRADICTION_FIELDS = ("date", "location", "participants", "killed", "injured")
# Per-mode publication window for undated "occurred" reports: an epidemic report is a daily
# update (cases confirmed today, deaths overnight), so two undated ones tell one update only
# when published at most a day apart (measured on eval/clusters/covid-gold.jsonl, docs/crossdoc.md).
UNDATED_BACK_DAYS_BY_MODE = {"epidemic": 1}
# Types whose modes must agree when both are known (a flood and an earthquake in one state
# are two events); for other types outlets name one happening differently (बैठक / मुलाकात).
MODE_MUST_AGREE = frozenset({"DISASTER", "ACCIDENT"})
# Modes whose reports carry no participants and whose place is all that identifies them:
# the places must be equal, not merely one inside the other (Delhi's count is not India's).
EXACT_PLACE_MODES = frozenset({"epidemic"})
# Modes for which different death tolls mean different reports: epidemic tolls are
# cumulative snapshots (38 deaths at 8 am, 59 by the evening), not outlets disagreeing.
TOLL_SEPARATES_MODES = frozenset({"epidemic"})
# ---------------------------------------------------------------------------------------

Interval = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class EventReport:
    """One event as one article tells it (``index`` = its position in the article's events)."""

    article_id: str
    index: int
    published: str | None
    source: str
    event: Event


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


def _span(iv: Interval) -> int:
    return (iv[1] - iv[0]).days


def _window(r: EventReport) -> Interval | None:
    """When the event may have happened, for an undated report, from its publication date."""
    pub = parse_date(r.published)
    if pub is None:
        return None
    p = pub[0]
    if r.event.status in ("planned", "possible"):
        return p, p + dt.timedelta(days=PLANNED_AHEAD_DAYS)
    return p - dt.timedelta(days=UNDATED_BACK_DAYS_BY_MODE.get(r.event.mode or "", UNDATED_BACK_DAYS)), p


def _anchor(r: EventReport) -> dt.date | None:
    iv = parse_date(r.event.date)
    pub = parse_date(r.published)
    if iv is not None:
        if _span(iv) > 0 and pub is not None and iv[0] <= pub[0] <= iv[1]:
            return pub[0]  # a coarse date: file it under the publication day when that fits
        return iv[0]
    return pub[0] if pub is not None else None


def blocking_key(report: EventReport) -> str:
    """``TYPE|YYYY-MM`` of the report's anchor date (``TYPE|undated`` without any date).

    Reports in different blocks are never merged, so only the blocks that new reports touch
    need re-merging.
    """
    a = _anchor(report)
    return f"{report.event.type}|{a:%Y-%m}" if a else f"{report.event.type}|undated"


def _report_key(r: EventReport) -> tuple[str, int]:
    return (r.article_id, r.index)


def _loc_ok(a: str | None, b: str | None, inside: Mapping[str, str]) -> tuple[bool, str]:
    if a is None or b is None:
        return True, "location unknown on one side"
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True, "same location"
    if _within(fa, fb, inside) or _within(fb, fa, inside):
        return True, "one location inside the other"
    return False, "different locations"


def _within(child: str, parent: str, inside: Mapping[str, str]) -> bool:
    seen = set()
    cur = child
    while cur in inside and cur not in seen:
        seen.add(cur)
        cur = inside[cur]
        if cur == parent:
            return True
    return False


def _date_ok(a: EventReport, b: EventReport, strong_people: bool) -> tuple[bool, str]:
    ia, ib = parse_date(a.event.date), parse_date(b.event.date)
    if ia is not None and ib is not None:
        if ia == ib:
            return True, "same date"
        if (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1]):
            return True, "one date within the other"
        if _span(ia) == 0 and _span(ib) == 0 and strong_people and abs((ia[0] - ib[0]).days) <= DAY_SLACK:
            return True, f"dates {DAY_SLACK} day apart"
        return False, "different dates"
    wa = ia if ia is not None else _window(a)
    wb = ib if ib is not None else _window(b)
    if wa is None or wb is None:
        return False, "no date to compare"
    if wa[0] <= wb[1] and wb[0] <= wa[1]:
        planned = {a.event.status, b.event.status} & {"planned", "possible"}
        if planned and {a.event.status, b.event.status} & {"occurred"}:
            return True, "planned, then reported as occurred"
        return True, "undated report published near the date"
    return False, "published too far apart"


def compatible(a: EventReport, b: EventReport, inside: Mapping[str, str] | None = None) -> tuple[bool, str]:
    """Whether two reports may tell the same event, and why (or why not)."""
    inside = inside or {}
    ea, eb = a.event, b.event
    if ea.type != eb.type:
        return False, "different types"
    if ea.type in MODE_MUST_AGREE and ea.mode and eb.mode and ea.mode != eb.mode:
        return False, "different modes"
    if ea.mode == "visit" and eb.mode == "visit" and not (ea.actors and eb.actors):
        return False, "a visit with no traveller named"  # "इटली की यात्रा की थी": someone's travel history
    exact = {ea.mode, eb.mode} & EXACT_PLACE_MODES
    if exact and ea.killed is not None and eb.killed is not None and ea.killed != eb.killed and exact & TOLL_SEPARATES_MODES:
        return False, "different tolls"
    pa, pb = participants(ea), participants(eb)
    loc_ok, loc_why = _loc_ok(ea.location, eb.location, {} if exact else inside)
    if not loc_ok:
        return False, loc_why
    reasons = ["same type"]
    strong = False
    if pa and pb:
        j = len(pa & pb) / len(pa | pb)
        if pa == pb:
            reasons.append("same participants")
            strong = True
        elif pa <= pb or pb <= pa:
            reasons.append("participants one within the other")
            strong = True
        elif j >= PARTICIPANT_JACCARD:
            reasons.append(f"participants overlap (Jaccard {j:.2f})")
            strong = True
        else:
            return False, "different participants"
    else:
        if ea.location is None or eb.location is None:
            return False, "no participants and no shared location"
        reasons.append("no participants on one side")
        # an epidemic update is identified by its place: two counts for one state given a
        # day apart ("मंगलवार को" / "बुधवार को" for one overnight bulletin) may be one report
        strong = bool(exact) and fold(ea.location) == fold(eb.location)
    d_ok, d_why = _date_ok(a, b, strong)
    if not d_ok:
        return False, d_why
    reasons.append(d_why)
    reasons.append(loc_why)
    return True, ", ".join(reasons)


def _score(a: EventReport, b: EventReport) -> float:
    """How specific a (compatible) match is, to choose between candidate clusters."""
    pa, pb = participants(a.event), participants(b.event)
    s = len(pa & pb) / len(pa | pb) if pa | pb else 0.0
    if a.event.date and a.event.date == b.event.date:
        s += 1.0
    if a.event.location and b.event.location and fold(a.event.location) == fold(b.event.location):
        s += 0.5
    return s


# ----------------------------------------------------------------------------- merging


def _most_common(values: Iterable[Any]) -> Any:
    c = Counter(v for v in values if v is not None)
    if not c:
        return None
    return sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


def _build(members: list[EventReport], links: list[tuple[str, int, str]], block: str) -> EventCluster:
    members = sorted(members, key=_report_key)
    keys = tuple(_report_key(r) for r in members)
    cid = "e-" + hashlib.sha1("\n".join(f"{a}\t{i}" for a, i in keys).encode("utf-8")).hexdigest()[:16]
    names: dict[str, str] = {}
    for r in members:
        for n in (*r.event.actors, *r.event.recipients):
            names.setdefault(fold(n), n)
    days = [r.event.date for r in members if r.event.date and len(r.event.date) == 10]
    date = _most_common(days) if days else _most_common(r.event.date for r in members)
    loc = _most_common(r.event.location for r in members)
    contras: list[Contradiction] = []
    for fld in CONTRADICTION_FIELDS:
        readings: set[tuple[Any, str]] = set()
        for r in members:
            if fld == "participants":
                v: Any = tuple(sorted(participants(r.event)))
                if not v:
                    continue
            else:
                v = getattr(r.event, fld)
            if v is not None:
                readings.add((v, r.article_id))
        if len({v for v, _ in readings}) > 1:
            contras.append(Contradiction(fld, tuple(sorted(readings, key=lambda x: (str(x[0]), x[1])))))
    phrases: list[str] = []
    for _, _, why in sorted(links):
        for p in why.split(", "):
            if p not in phrases:
                phrases.append(p)
    reason = ", ".join(sorted(phrases, key=_phrase_order)) if phrases else "single report"
    return EventCluster(
        id=cid,
        type=members[0].event.type,
        participants=tuple(names[k] for k in sorted(names)),
        date=date,
        location=loc,
        reports=keys,
        reason=reason,
        contradictions=tuple(contras),
        block=block,
        links=tuple(sorted(links)),
    )


def _phrase_order(p: str) -> tuple[int, str]:
    order = (
        "same type",
        "same participants",
        "participants",
        "no participants",
        "same date",
        "one date",
        "dates",
        "planned",
        "undated",
        "same location",
        "one location",
        "location",
    )
    for i, o in enumerate(order):
        if p.startswith(o):
            return i, p
    return len(order), p


def _keys(r: EventReport, inside: Mapping[str, str]) -> set[str]:
    """Index keys: a compatible report shares a participant or a (containing) place."""
    keys = {"p:" + n for n in participants(r.event)}
    if r.event.location:
        cur = fold(r.event.location)
        seen = set()
        while cur not in seen:
            seen.add(cur)
            keys.add("l:" + cur)
            if cur not in inside:
                break
            cur = inside[cur]
    return keys


def _merge_block(block: str, reports: list[EventReport], inside: Mapping[str, str]) -> list[EventCluster]:
    reports = sorted(reports, key=lambda r: (_anchor(r) or dt.date.min, _report_key(r)))
    clusters: list[list[EventReport]] = []
    links: list[list[tuple[str, int, str]]] = []
    index: dict[str, set[int]] = {}
    for r in reports:
        rkeys = _keys(r, inside)
        cands = sorted({ci for k in rkeys for ci in index.get(k, ())})
        best: tuple[float, int, str] | None = None
        for ci in cands:
            members = clusters[ci]
            if any(m.article_id == r.article_id for m in members):
                continue  # one article tells an event once; two events of one article stay two
            whys = []
            for m in members:
                ok, why = compatible(r, m, inside)
                if not ok:
                    break
                whys.append(why)
            else:
                s = sum(_score(r, m) for m in members) / len(members)
                if best is None or s > best[0]:
                    best = (s, ci, whys[0])
        if best is None:
            ci = len(clusters)
            clusters.append([r])
            links.append([])
        else:
            ci = best[1]
            clusters[ci].append(r)
            links[ci].append((r.article_id, r.index, best[2]))
        for k in rkeys:
            index.setdefault(k, set()).add(ci)
    return [_build(m, lk, block) for m, lk in zip(clusters, links, strict=True)]


def merge(reports: Sequence[EventReport], inside: Mapping[str, str] | None = None) -> list[EventCluster]:
    """Group reports into events; deterministic and independent of input order.

    Returns every cluster, singletons included, sorted by id; :func:`multi_article` keeps
    those the spec exports (reports from two or more articles). ``inside`` maps a folded
    place name to the folded name of the place containing it.
    """
    inside = {fold(k): fold(v) for k, v in (inside or {}).items()}
    blocks: dict[str, dict[tuple[str, int], EventReport]] = {}
    for r in reports:
        blocks.setdefault(blocking_key(r), {})[_report_key(r)] = r
    out: list[EventCluster] = []
    for b in sorted(blocks):
        out.extend(_merge_block(b, list(blocks[b].values()), inside))
    return sorted(out, key=lambda c: c.id)


def update(
    clusters: Sequence[EventCluster],
    all_reports: Sequence[EventReport],
    new_reports: Sequence[EventReport],
    inside: Mapping[str, str] | None = None,
) -> list[EventCluster]:
    """Clusters after ``new_reports`` arrive: only the blocks they touch are re-merged.

    ``all_reports`` are the reports behind ``clusters`` (or any superset of them within the
    touched blocks, e.g. loaded from the store by block key).
    """
    touched = {blocking_key(r) for r in new_reports}
    keep = [c for c in clusters if c.block not in touched]
    pool = [r for r in (*all_reports, *new_reports) if blocking_key(r) in touched]
    return sorted(keep + merge(pool, inside), key=lambda c: c.id)


def multi_article(clusters: Iterable[EventCluster]) -> list[EventCluster]:
    """The clusters with reports from two or more different articles (what is exported)."""
    return [c for c in clusters if len({a for a, _ in c.reports}) >= 2]
