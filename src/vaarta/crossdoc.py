"""One real-world event told by many articles: merging event reports across articles.

:func:`merge` groups :class:`EventReport` values (one event of one article) into
:class:`EventCluster` values. It is a pure function of the *set* of reports: they are sorted
internally, each cluster's id is a hash of its sorted member keys, so the input order never
changes the answer.

Two reports can share a cluster only when they meet in a *window* (the event type and two
consecutive weeks: a report lies in the window of its anchor week and in the one before, so
any two reports anchored at most 7 days apart meet, across month ends too) and are
compatible with *every* report already in the cluster (complete link, so a vague report
cannot chain two different meetings together):

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
* **locations**: equal, unknown on one side, or one inside the other per the ``inside`` map
  (child → parent; by default the place hierarchy of the bundled knowledge base,
  :func:`place_hierarchy`: Chamoli district → Uttarakhand → India).

Each window is clustered on its own; a report then takes the better of its two windows'
clusters (more articles, then more reports, then the smaller id), so the result is a
partition, and a pure function of the set of reports.

Fields on which members really disagree (two days, two places neither inside the other,
participant sets neither inside the other, different death tolls) are kept as
:class:`Contradiction` readings with the article that gave each one; a day inside the
month another outlet gives, or a subset of the participants, is not a disagreement.
Numbers (killed, injured) never keep reports apart (outlets disagree on tolls), except for
epidemic bulletins.

Incremental use: a cluster lies inside one window, and its membership depends only on the
reports of that window's two weeks and the weeks on either side, so after new reports
arrive only the windows near them are re-merged (:func:`update`); the result equals
merging everything at once.
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
        if _span(iv) > 0 and pub is not None:
            # a coarse date: file it under the day of it nearest to publication ("last
            # month" told on 1 April lies at 31 March, next to the day reports of it)
            return min(max(pub[0], iv[0]), iv[1])
        return iv[0]
    return pub[0] if pub is not None else None


def _week(d: dt.date) -> int:
    """Monday-based week number (0 = the week of 0001-01-01, a Monday)."""
    return (d.toordinal() - 1) // 7


def _week_start(w: int) -> dt.date:
    return dt.date.fromordinal(w * 7 + 1)


UNDATED = -1  # the week of a report with no date at all (its type's one "undated" window)


def _home(r: EventReport) -> tuple[str, int]:
    a = _anchor(r)
    return r.event.type, (_week(a) if a is not None else UNDATED)


def _windows(home: tuple[str, int]) -> tuple[tuple[str, int], ...]:
    """The windows a report lies in: the one starting at its week and the one before."""
    typ, w = home
    return ((typ, w),) if w == UNDATED else ((typ, w - 1), (typ, w))


def _window_key(win: tuple[str, int]) -> str:
    typ, w = win
    return f"{typ}|undated" if w == UNDATED else f"{typ}|{_week_start(w):%Y-%m-%d}+14d"


def blocking_key(report: EventReport) -> str:
    """``TYPE|YYYY-MM-DD``: the Monday of the report's anchor week (``TYPE|undated``
    without any date). A report meets the reports of its own week and of the weeks on
    either side (windows of two weeks, :attr:`EventCluster.block`)."""
    typ, w = _home(report)
    return f"{typ}|undated" if w == UNDATED else f"{typ}|{_week_start(w):%Y-%m-%d}"


def _report_key(r: EventReport) -> tuple[str, int]:
    return (r.article_id, r.index)


def _chain(loc: str, inside: Mapping[str, str]) -> list[str]:
    """A folded place and the places containing it, innermost first. ``Banda, Uttar
    Pradesh`` (a place written with its state) is Banda inside Uttar Pradesh."""
    parts = [p for p in (x.strip() for x in fold(loc).split(",")) if p]
    out: list[str] = []
    for p in parts or [fold(loc)]:
        cur = p
        while cur not in out:
            out.append(cur)
            if cur not in inside:
                break
            cur = inside[cur]
    return out


def _place_relation(a: str, b: str, inside: Mapping[str, str], exact: bool = False) -> str:
    """``same`` | ``nested`` (one inside the other) | ``different``."""
    ca, cb = _chain(a, inside), _chain(b, inside)
    if ca[0] == cb[0]:
        return "same"
    if not exact and (ca[0] in cb or cb[0] in ca):
        return "nested"
    return "different"


def _loc_ok(a: str | None, b: str | None, inside: Mapping[str, str], exact: bool = False) -> tuple[bool, str]:
    if a is None or b is None:
        return True, "location unknown on one side"
    rel = _place_relation(a, b, inside, exact)
    if rel == "same":
        return True, "same location"
    if rel == "nested":
        return True, "one location inside the other"
    return False, "different locations"


_HIERARCHY: dict[str, dict[str, str]] = {}


def place_hierarchy(kb: Any = None) -> dict[str, str]:
    """Folded place name → folded name of the place containing it (state, else country),
    from a :class:`~vaarta.kb.KnowledgeBase` (default: the bundled one; cached)."""
    if kb is None:
        if "default" not in _HIERARCHY:
            try:
                from .kb import default_kb

                _HIERARCHY["default"] = place_hierarchy(default_kb())
            except (ImportError, OSError):
                _HIERARCHY["default"] = {}
        return _HIERARCHY["default"]
    out: dict[str, str] = {}
    for e in kb:
        if e.type != "LOC":
            continue
        name = fold(e.name)
        parent = next((p for p in (e.region, e.country) if p and fold(p) != name), None)
        if parent:
            out[name] = fold(parent)
    return out


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
    if strong_people and (ia is None) != (ib is None):
        # a dated day up to DAY_SLACK after an undated report's publication, when the
        # participants (or an epidemic's place) agree: the day a measure takes effect
        # ("सोमवार से"), or one outlet resolving "कल" a day later
        day, und = (ia, b) if ia is not None else (ib, a)
        pub = parse_date(und.published)
        if (
            day is not None
            and _span(day) == 0
            and pub is not None
            and und.event.status == "occurred"
            and 0 < (day[0] - pub[0]).days <= DAY_SLACK
        ):
            return True, "undated report published a day before the date"
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
    loc_ok, loc_why = _loc_ok(ea.location, eb.location, inside, bool(exact))
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
        strong = bool(exact) and loc_why == "same location"
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


def _disagree(fld: str, x: Any, y: Any, inside: Mapping[str, str]) -> bool:
    """Whether two readings of one field really disagree (not merely one more precise)."""
    if fld == "participants":
        fx, fy = {fold(n) for n in x}, {fold(n) for n in y}
        return not (fx <= fy or fy <= fx)
    if fld == "date":
        ix, iy = parse_date(x), parse_date(y)
        if ix is None or iy is None:
            return x != y
        return not ((ix[0] <= iy[0] and iy[1] <= ix[1]) or (iy[0] <= ix[0] and ix[1] <= iy[1]))
    if fld == "location":
        return _place_relation(x, y, inside) == "different"
    return bool(x != y)


def _contradictions(members: Sequence[EventReport], inside: Mapping[str, str]) -> tuple[Contradiction, ...]:
    """Fields on which two members really disagree, with every member's reading."""
    out: list[Contradiction] = []
    for fld in CONTRADICTION_FIELDS:
        readings: set[tuple[Any, str]] = set()
        for r in members:
            if fld == "participants":
                # the names as the report gives them (canonical, not folded), sorted
                v: Any = tuple(sorted({n.strip() for n in (*r.event.actors, *r.event.recipients) if n.strip()}))
                if not v:
                    continue
            else:
                v = getattr(r.event, fld)
            if v is not None:
                readings.add((v, r.article_id))
        values = sorted({v for v, _ in readings}, key=str)
        if any(_disagree(fld, x, y, inside) for k, x in enumerate(values) for y in values[k + 1 :]):
            out.append(Contradiction(fld, tuple(sorted(readings, key=lambda x: (str(x[0]), x[1])))))
    return tuple(out)


def _build(members: list[EventReport], block: str, inside: Mapping[str, str]) -> EventCluster:
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
    # why each member joined: its match with the first report (in anchor order)
    ordered = sorted(members, key=lambda r: (_anchor(r) or dt.date.min, _report_key(r)))
    links = [(r.article_id, r.index, compatible(r, ordered[0], inside)[1]) for r in ordered[1:]]
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
        contradictions=_contradictions(members, inside),
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
        keys.update("l:" + p for p in _chain(r.event.location, inside))
    return keys


def _cluster_window(reports: list[EventReport], inside: Mapping[str, str]) -> list[list[EventReport]]:
    """Greedy complete-link clustering of one window's reports (in a fixed order)."""
    reports = sorted(reports, key=lambda r: (_anchor(r) or dt.date.min, _report_key(r)))
    clusters: list[list[EventReport]] = []
    index: dict[str, set[int]] = {}
    for r in reports:
        rkeys = _keys(r, inside)
        cands = sorted({ci for k in rkeys for ci in index.get(k, ())})
        best: tuple[float, int] | None = None
        for ci in cands:
            members = clusters[ci]
            if any(m.article_id == r.article_id for m in members):
                continue  # one article tells an event once; two events of one article stay two
            if all(compatible(r, m, inside)[0] for m in members):
                s = sum(_score(r, m) for m in members) / len(members)
                if best is None or s > best[0]:
                    best = (s, ci)
        if best is None:
            ci = len(clusters)
            clusters.append([r])
        else:
            ci = best[1]
            clusters[ci].append(r)
        for k in rkeys:
            index.setdefault(k, set()).add(ci)
    return clusters


def _rank(members: Sequence[EventReport]) -> tuple[int, int, str]:
    """Order of preference between a report's two window clusters (smaller is better)."""
    keys = sorted(_report_key(r) for r in members)
    return -len({r.article_id for r in members}), -len(members), "\n".join(f"{a}\t{i}" for a, i in keys)


def _merge_windows(
    by_home: Mapping[tuple[str, int], Sequence[EventReport]],
    wanted: set[tuple[str, int]] | None,
    inside: Mapping[str, str],
) -> list[EventCluster]:
    """Cluster every window the reports lie in; each report takes the better of its two
    windows' clusters. Returns the clusters of the ``wanted`` windows (all when None)."""
    windows: dict[tuple[str, int], list[EventReport]] = {}
    for home, reps in by_home.items():
        for win in _windows(home):
            windows.setdefault(win, []).extend(reps)
    choice: dict[tuple[str, int], tuple[tuple[int, int, str], tuple[str, int], int]] = {}
    for win in sorted(windows):
        for n, members in enumerate(_cluster_window(windows[win], inside)):
            rank = _rank(members)
            for r in members:
                k = _report_key(r)
                if k not in choice or (rank, win) < choice[k][:2]:
                    choice[k] = (rank, win, n)
    groups: dict[tuple[tuple[str, int], int], list[EventReport]] = {}
    for reps in by_home.values():
        for r in reps:
            _, win, n = choice[_report_key(r)]
            if wanted is None or win in wanted:
                groups.setdefault((win, n), []).append(r)
    return [_build(m, _window_key(win), inside) for (win, _), m in groups.items()]


def _by_home(reports: Iterable[EventReport]) -> dict[tuple[str, int], list[EventReport]]:
    seen: dict[tuple[str, int], EventReport] = {}
    for r in reports:
        seen[_report_key(r)] = r
    out: dict[tuple[str, int], list[EventReport]] = {}
    for r in seen.values():
        out.setdefault(_home(r), []).append(r)
    return out


def _inside(inside: Mapping[str, str] | None) -> Mapping[str, str]:
    if inside is None:
        return place_hierarchy()
    return {fold(k): fold(v) for k, v in inside.items()}


def merge(reports: Sequence[EventReport], inside: Mapping[str, str] | None = None) -> list[EventCluster]:
    """Group reports into events; deterministic and independent of input order.

    Returns every cluster, singletons included, sorted by id; :func:`multi_article` keeps
    those the spec exports (reports from two or more articles). ``inside`` maps a place
    name to the name of the place containing it; None uses :func:`place_hierarchy` (the
    bundled knowledge base), ``{}`` nests nothing.
    """
    return sorted(_merge_windows(_by_home(reports), None, _inside(inside)), key=lambda c: c.id)


def _window_of(block: str) -> tuple[str, int]:
    typ, _, rest = block.rpartition("|")
    if rest == "undated":
        return typ, UNDATED
    return typ, _week(dt.date.fromisoformat(rest.split("+")[0]))


def update(
    clusters: Sequence[EventCluster],
    all_reports: Sequence[EventReport],
    new_reports: Sequence[EventReport],
    inside: Mapping[str, str] | None = None,
) -> list[EventCluster]:
    """Clusters after ``new_reports`` arrive; equal to merging everything at once.

    A cluster of window *k* (weeks *k*, *k*+1) depends only on the reports of weeks *k*-1
    to *k*+2, so a new report of week *t* changes only the clusters of windows *t*-2 to
    *t*+1; those are recomputed from the reports of weeks *t*-3 to *t*+3. ``all_reports``
    are the reports behind ``clusters`` (or any superset of them in those weeks).
    """
    touched = {_home(r) for r in new_reports}
    affected: set[tuple[str, int]] = set()
    needed: set[tuple[str, int]] = set()
    for typ, t in touched:
        if t == UNDATED:
            affected.add((typ, t))
            needed.add((typ, t))
            continue
        affected.update((typ, k) for k in range(t - 2, t + 2))
        needed.update((typ, k) for k in range(t - 3, t + 4))
    pool = {h: reps for h, reps in _by_home((*all_reports, *new_reports)).items() if h in needed}
    keep = [c for c in clusters if _window_of(c.block) not in affected]
    fresh = _merge_windows(pool, affected, _inside(inside))
    return sorted(keep + fresh, key=lambda c: c.id)


def multi_article(clusters: Iterable[EventCluster], duplicate_of: Mapping[str, str | None] | None = None) -> list[EventCluster]:
    """The clusters with reports from two or more different articles (what is exported).

    With ``duplicate_of`` (article → the article it copies), copies count as their
    original, so two copies of one text alone are not an event told by two outlets.
    """
    dup = duplicate_of or {}
    return [c for c in clusters if len({dup.get(a) or a for a, _ in c.reports}) >= 2]
