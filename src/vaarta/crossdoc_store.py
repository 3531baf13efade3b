"""Merging the stored reports across articles (the store path of :mod:`vaarta.crossdoc`).

:func:`merge_events` regroups what the store holds — events and quotes, never re-analysing an
article — into merged events and statements and replaces the stored clusters. Three scopes:

* everything (``types`` None): every event and every statement;
* event types (``types``): every report of those types;
* windows (``homes``): only the windows around the given report homes (type, anchor week), the
  incremental rule of :func:`vaarta.crossdoc.update`: a new report of week *t* changes only the
  clusters of windows *t*-2 … *t*+1, recomputed from the reports of weeks *t*-3 … *t*+3; each stored
  cluster keeps its window (``clusters.block``) so exactly those are replaced. Statements meet only
  on one publication day, and so do figures (one exact figure given by several articles), so
  ``days`` re-merges those days' statements and figures only.

Every scope gives the clusters a full merge would (tested: one article at a time, in any order,
equals one ingest of everything and a full re-merge).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from . import crossdoc
from .crossdoc_figures import FIGURE, figure_reports
from .crossdoc_statements import STATEMENT, statement_reports
from .model import Event, Span
from .store import Store

# what is merged per publication day, not window by window: statements and figures
DAY_KINDS = (STATEMENT, FIGURE)


def merge_events(
    store: Store,
    types: Iterable[str] | None = None,
    days: Iterable[str] | None = None,
    homes: Iterable[tuple[str, int]] | None = None,
) -> int:
    """Re-merge events across articles (only the event types given, when given; only the windows
    around ``homes``, when given), and the statements (one speaker quoted by several articles on
    one day) and figures (one exact figure given by several articles on one day) when ``types`` is
    None or holds ``STATEMENT`` or ``FIGURE`` (only those of the publication ``days``, when given).
    The result does not depend on the order in which articles were ingested. Returns the number
    of merged events stored (statements and figures not counted)."""
    wanted = sorted(set(types)) if types is not None else None
    event_types = None if wanted is None else [t for t in wanted if t not in DAY_KINDS]
    rows = store.event_reports(event_types) if event_types is None or event_types else []
    copies = {r["article_id"]: r["duplicate_of"] for r in rows if r["duplicate_of"]}
    reports = [_report(r) for r in rows]
    on_days = sorted(set(days)) if days is not None and wanted is not None else None
    for kind, reports_of in ((STATEMENT, _statement_reports), (FIGURE, _figure_reports)):
        if wanted is None or kind in wanted:
            said = reports_of(store, copies, on_days)
            if on_days is not None:  # only these days' statements (figures): merged and replaced apart
                merged = crossdoc.multi_article(crossdoc.merge(said), duplicate_of=copies)
                store.replace_clusters([_row(c) for c in merged], types=[kind], dates=on_days)
            else:
                reports.extend(said)
    new_homes = set(homes or ())  # read twice below: a generator would be empty the second time
    # the types merged window by window (a type stored before windows were kept is merged whole)
    scoped = [t for t in sorted({t for t, _ in new_homes} & set(event_types or ())) if not store.clusters_without_window(t)]
    if scoped:
        affected, needed = crossdoc.around(h for h in new_homes if h[0] in scoped)
        pool = [r for r in reports if r.event.type in scoped and crossdoc.home(r) in needed]
        pool = _with_texts(store, pool)
        fresh = crossdoc.multi_article(crossdoc.merge_windows(pool, affected), duplicate_of=copies)
        blocks = sorted(crossdoc.window_key(w) for w in affected)
        store.replace_clusters([_row(c) for c in fresh], types=scoped, blocks=blocks)
    rest = [r for r in reports if r.event.type not in scoped]
    rest_types = (
        None if wanted is None else [t for t in wanted if t not in scoped and not (t in DAY_KINDS and on_days is not None)]
    )
    if rest_types is None or rest_types:
        # a copy counts as its original: two copies of one text are not an event told by two outlets
        clusters = crossdoc.multi_article(crossdoc.merge(_with_texts(store, rest)), duplicate_of=copies)
        store.replace_clusters([_row(c) for c in clusters], types=rest_types)
    return store.merged_counts()["merged_events"]


def merge_all(store: Store) -> int:
    """Re-merge everything stored (:func:`merge_events` with no scope) under the store's merge lock
    (:meth:`Store.merging`), and clear the pending marks of the articles it covered. Returns the
    number of merged events stored."""
    with store.merging():
        pending = store.pending_tokens()  # a version stored while this merge runs stays pending
        n = merge_events(store)
        store.merge_done(pending)
    return n


def _row(c: crossdoc.EventCluster) -> dict[str, Any]:
    """A cluster as stored: the export object and its window."""
    return {**c.to_json(), "block": c.block}


def _report(r: Mapping[str, Any]) -> crossdoc.EventReport:
    ev = Event(
        type=r["type"],
        status=r["status"],
        actors=tuple(r["actors"]),
        recipients=tuple(r["recipients"]),
        evidence=tuple(Span(a, b) for a, b in r["evidence"]),
        mode=r["mode"],
        location=r["location"],
        date=r["date"],
        killed=r["killed"],
        injured=r["injured"],
        confidence=r["confidence"] or 0.5,
    )
    return crossdoc.EventReport(r["article_id"], r["idx"], r["published"], r["source"], ev)


def _with_texts(store: Store, reports: list[crossdoc.EventReport]) -> list[crossdoc.EventReport]:
    """The reports with their evidence text (it feeds the bulletin rules: case counts, rankings),
    the articles' texts read in chunks; statement reports come with their quoted words."""
    out = list(reports)
    by_article: dict[str, list[int]] = {}
    for i, rep in enumerate(out):
        if rep.evidence_text is None:
            by_article.setdefault(rep.article_id, []).append(i)
    for article_id, text in store.article_texts(list(by_article)):
        for i in by_article[article_id]:
            out[i] = replace(out[i], evidence_text=crossdoc.evidence_text(text, out[i].event))
    return out


def _statement_reports(store: Store, copies: dict[str, str], days: Sequence[str] | None = None) -> list[Any]:
    """Statement reports (crossdoc_statements) of the stored quotes (of articles published on ``days``,
    when given); ``copies`` gains their articles' copy links."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for q in store.quote_reports(days):
        by_article.setdefault(q["article_id"], []).append(q)
        if q["duplicate_of"]:
            copies[q["article_id"]] = q["duplicate_of"]
    out = []
    for article_id, qs in by_article.items():
        quotes = [(q["idx"], q["speaker"], q["span_start"], q["span_end"]) for q in qs]
        types = {q["speaker"]: q["speaker_type"] for q in qs if q["speaker_type"]}
        said = {(q["span_start"], q["span_end"]): q["words"] or "" for q in qs}
        for r in statement_reports(article_id, qs[0]["published"], qs[0]["source"], quotes, types):
            out.append(replace(r, evidence_text=" | ".join(said[(s.start, s.end)] for s in r.event.evidence)))
    return out


def _figure_reports(store: Store, copies: dict[str, str], days: Sequence[str] | None = None) -> list[Any]:
    """Figure reports (crossdoc_figures) of the stored articles (those published on ``days``, when
    given), read a chunk of texts at a time; ``copies`` gains their articles' copy links."""
    out = []
    for a in store.day_texts(days):
        if a["duplicate_of"]:
            copies[a["id"]] = a["duplicate_of"]
        out.extend(figure_reports(a["id"], a["published"], a["source"], a["text"]))
    return out
