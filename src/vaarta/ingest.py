"""Ingest: read inputs, analyse each article, store it, find copies, merge events across articles.

The unit of work is :func:`vaarta.pipeline.analyse_article` (pure); this module only feeds
it and writes results through the store's single writer, one transaction per batch of
articles (``Store.batch``), so a run killed half-way leaves a consistent database and running
it again completes the work.
"""

from __future__ import annotations

import gc
import time
import weakref
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from . import crossdoc
from .crossdoc_figures import FIGURE, exact_figures
from .crossdoc_statements import STATEMENT
from .crossdoc_store import merge_all, merge_events
from .inputs import MAX_FILE_BYTES, read_inputs
from .model import Article, Record, Rejection, Resources
from .pipeline import analyse_article, load_resources, warm_up
from .store import Store

# Garbage collection during a run (measured with bench/bench_ingest.py: the collector took ~0.5 ms
# an article, walking the knowledge base and the models at every full collection). While
# ingesting, what is loaded so far is frozen out of the collector's sight and young objects are
# collected in bigger batches; both are undone when the run ends.
GC_THRESHOLD = (20_000, 20, 20)

KEEP = 1000  # ids and rejections a Summary keeps of each kind (counts stay exact): bounded memory on huge runs
WINDOW_PER_JOB = 4  # articles in flight per worker process (read ahead of the analysis, bounded)


@dataclass
class Summary:
    """What an ingest run did. The counts are exact; the lists keep the first ``KEEP`` of each."""

    analysed: int = 0
    already_stored: int = 0
    copies: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    merged_events: int = 0
    merged_statements: int = 0  # speakers quoted by several articles on one day (crossdoc_statements)
    merged_figures: int = 0  # exact figures given by several articles on one day (crossdoc_figures)
    analysed_ids: list[str] = field(default_factory=list)
    already_stored_ids: list[str] = field(default_factory=list)
    copy_ids: list[str] = field(default_factory=list)

    @property
    def total_rejected(self) -> int:
        return sum(self.rejected.values())

    def lines(self) -> list[str]:
        rate = self.analysed / self.seconds if self.seconds else 0.0
        out = [
            f"analysed: {self.analysed} articles in {self.seconds:.1f} s ({rate:.1f}/s)",
            f"already stored (unchanged): {self.already_stored}",
            f"copies of earlier articles: {self.copies}",
            f"events merged across articles: {self.merged_events}",
            f"statements quoted by several articles: {self.merged_statements}",
            f"figures given by several articles: {self.merged_figures}",
            f"rejected: {self.total_rejected}"
            + (" (" + ", ".join(f"{k} {v}" for k, v in sorted(self.rejected.items())) + ")" if self.rejected else ""),
        ]
        return out


def _work(args: tuple[Article, Resources]) -> Record | Rejection:
    article, res = args
    try:
        return analyse_article(article, res)
    except Exception as e:
        return Rejection(article.source, "internal-error", f"{type(e).__name__}: {e} (please report this)")


_WORKER: dict[str, Resources] = {}  # per worker process: its resources, shipped once


def _init_worker(res: Resources) -> None:
    _WORKER["res"] = res
    warm_up(res)
    gc.freeze()  # a worker process is ours: the resources stay out of the collector's sight
    gc.set_threshold(*GC_THRESHOLD)


@contextmanager
def quiet_gc() -> Iterator[None]:
    """Freeze what is loaded (resources) out of the collector's sight and collect young objects
    in bigger batches, for the length of a run; the collector's settings are restored after."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _work_in_worker(article: Article) -> Record | Rejection:
    return _work((article, _WORKER["res"]))


def _analysed(articles: Iterable[Article], res: Resources, jobs: int) -> Iterator[Record | Rejection]:
    """Results in input order. With workers, only ``WINDOW_PER_JOB * jobs`` articles are in
    flight at a time (``Executor.map`` would read every input before the first result)."""
    if jobs <= 1:
        for a in articles:
            yield _work((a, res))
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(res,)) as pool:
        pending: deque[Future[Record | Rejection]] = deque()
        for a in articles:
            pending.append(pool.submit(_work_in_worker, a))
            if len(pending) >= WINDOW_PER_JOB * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def ingest(
    paths: list[str],
    store: Store,
    *,
    published: str | None = None,
    resources: Resources | None = None,
    jobs: int = 1,
    force: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
    progress: Callable[[int, str], None] | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
) -> Summary:
    """Analyse and store every article under ``paths`` (files and folders); return what happened."""
    return ingest_articles(
        read_inputs(paths, published=published, max_bytes=max_bytes),
        store,
        resources=resources,
        jobs=jobs,
        force=force,
        progress=progress,
        on_reject=on_reject,
    )


def ingest_articles(
    items: Iterable[Article | Rejection],
    store: Store,
    *,
    resources: Resources | None = None,
    jobs: int = 1,
    force: bool = False,
    progress: Callable[[int, str], None] | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
) -> Summary:
    """Analyse and store articles (rejections are recorded as they come); return what happened."""
    res = resources or load_resources()
    summary = Summary()
    unmerged = store.merge_pending()  # an earlier ingest stopped before its merge: merge everything
    t0 = time.perf_counter()
    touched: set[str] = set()
    days: set[str] = set()  # publication days whose statements and figures are re-merged
    homes: set[tuple[str, int]] = set()  # (type, anchor week) of the new event reports
    whole: set[str] = set()  # event types merged whole (a replaced version, an article made a copy)
    stored: list[str] = []  # the ids this run stored: their pending marks are cleared after the merge

    def changed_stored(article_id: str) -> None:
        """A stored article is replaced or made a copy: what it took part in is re-merged (its event
        types whole, its day's statements when it quotes a named speaker)."""
        kinds = store.merged_kinds(article_id)
        stored.append(article_id)  # its pending mark (a copy made, a version replaced) is cleared by the merge
        touched.update(kinds)
        whole.update(kinds)
        info = store.copy_info(article_id)
        if kinds & {STATEMENT, FIGURE} and info is not None and info[0]:
            days.add(info[0][:10])

    copies = _copy_finder(on_made_copy=changed_stored)

    in_flight: deque[str] = deque()  # ids sent to analysis whose results are not handled yet, in order

    def keep(ids: list[Any], x: Any) -> None:
        if len(ids) < KEEP:
            ids.append(x)

    def reject(r: Rejection) -> None:
        summary.rejected[r.reason] += 1
        keep(summary.rejections, r)
        store.reject(r)
        if on_reject:
            on_reject(r)

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejection):
                reject(item)
                continue
            # an id still being analysed counts as stored, as it would be by the time a single
            # process met it again: the same outcome for any number of jobs
            if not force and (item.id in in_flight or store.has(item.id)):
                summary.already_stored += 1
                keep(summary.already_stored_ids, item.id)
                continue
            if force and store.has(item.id):
                changed_stored(item.id)  # the replaced version's clusters are re-merged too
            in_flight.append(item.id)
            yield item

    from .dedup import SIGNATURE_SCHEME

    # one transaction per batch of articles (Store.batch): a killed run loses at most a batch
    with store.batch(), quiet_gc():
        for n, out in enumerate(_analysed(articles(), res, jobs), 1):
            in_flight.popleft()  # results come in input order
            if isinstance(out, Rejection):
                reject(out)
            else:
                sig, bands, dup = copies(store, out)
                if dup is not None:
                    summary.copies += 1
                    keep(summary.copy_ids, out.document.id)
                if dup:
                    out = replace(out, duplicate_of=dup)
                store.put(out, signature=sig, bands=bands, signature_scheme=SIGNATURE_SCHEME)
                stored.append(out.document.id)
                touched.update(e.type for e in out.events)
                homes.update(
                    crossdoc.home(crossdoc.EventReport(out.document.id, i, out.document.published, "", e))
                    for i, e in enumerate(out.events)
                )  # (no evidence text: a report's home is read from its dates)
                if any(q.speaker for q in out.quotes):
                    touched.add(STATEMENT)
                    if out.document.published:
                        days.add(out.document.published[:10])
                if out.document.published and exact_figures(out.document.text):
                    touched.add(FIGURE)
                    days.add(out.document.published[:10])
                summary.analysed += 1
                keep(summary.analysed_ids, out.document.id)
            if progress:
                progress(n, out.source if isinstance(out, Rejection) else out.document.source)
    # the merge runs under the store's merge lock: a second process ingesting at the same time
    # merges before or after this one, never in between (Store.merging)
    if unmerged:
        merge_all(store)
    elif touched or stored:  # (nothing stored and nothing to re-merge: no lock taken)
        with store.merging():
            marks = store.pending_tokens(stored)  # read before the merge: see Store.merge_done
            if touched:
                # new reports change only the windows around them; a type with a replaced or
                # re-copied article is merged whole (crossdoc_store)
                merge_events(store, types=touched, days=days, homes={h for h in homes if h[0] not in whole})
            store.merge_done(marks)
    # what the store holds now, whether or not this run re-merged anything
    merged = store.merged_counts()
    summary.merged_events, summary.merged_statements = merged["merged_events"], merged["merged_statements"]
    summary.merged_figures = merged["merged_figures"]
    summary.seconds = time.perf_counter() - t0
    return summary


def _copy_finder(
    on_made_copy: Callable[[str], None] | None = None,
) -> Callable[[Store, Record], tuple[list[int] | None, list[str], str | None]]:
    """Near-duplicate detection against what the store already holds (MinHash + LSH bands).

    A store holding signatures of an older scheme (``dedup.SIGNATURE_SCHEME``) has them
    re-signed from its stored text the first time it is met, so old and new articles compare.
    ``on_made_copy`` is told the id of a stored article that a new one turns into its copy.
    """
    from . import dedup

    checked: weakref.WeakSet[Store] = weakref.WeakSet()

    def find(store: Store, rec: Record) -> tuple[list[int] | None, list[str], str | None]:
        if store not in checked:
            resign_stale(store)
            checked.add(store)
        sig = dedup.sized_signature(rec.document.text)  # size first, then the MinHash
        bands = band_hashes(sig[1:])
        best = None
        if sig[0] >= dedup.MIN_SHINGLES:
            for other_id, other in store.signatures_for(bands):
                if other_id == rec.document.id or other[0] < dedup.MIN_SHINGLES:
                    continue
                j = similarity(sig[1:], other[1:])
                if dedup.containment(j, sig[0], other[0]) < dedup.COPY_THRESHOLD:
                    continue
                published, duplicate_of = store.copy_info(other_id) or (None, None)
                key = (published or "9999", other_id)
                if best is None or key < best[0]:
                    best = (key, other_id, duplicate_of)
        if best is None:
            return sig, bands, None
        mine = (rec.document.published or "9999", rec.document.id)
        if best[0] < mine:  # the stored article is the original (or a copy of it: follow the chain)
            return sig, bands, best[2] or best[1]
        # the stored article is the later one: it becomes the copy (order-free result)
        store.set_duplicate(best[1], rec.document.id)
        if on_made_copy is not None:
            on_made_copy(best[1])
        return sig, bands, ""  # "": no copy itself, but it made a stored article a copy

    return find


def resign_stale(store: Store) -> int:
    """Re-sign the stored articles whose copy signature was made by an older scheme (from
    their stored text); returns how many. Copies already found are kept."""
    from . import dedup

    stale = store.stale_signatures(dedup.SIGNATURE_SCHEME)
    if stale:
        with store.batch():
            for article_id in stale:
                rec = store.get(article_id)
                if rec is None:
                    continue
                sig = dedup.sized_signature(rec["text"])
                store.resign(article_id, sig, band_hashes(sig[1:]), dedup.SIGNATURE_SCHEME)
    return len(stale)


LSH_ROWS = 2  # rows per band: 128 permutations → 64 bands; a pair with Jaccard 0.2 is a candidate 93% of the time


def band_hashes(sig: list[int]) -> list[str]:
    """One key per LSH band of a MinHash signature (stored and indexed for candidate lookup):
    the band's 32-bit values in hex (signature scheme 2; a key, not a hash, so no collisions).
    All values at once: big-endian bytes in hex, cut every ``LSH_ROWS`` values (~9 µs an
    article against ~17 formatting each band); a last partial band is left out."""
    import numpy as np

    s = np.array(sig, dtype=">u4").tobytes().hex()
    step = 8 * LSH_ROWS
    return [s[i : i + step] for i in range(0, len(s) - step + 1, step)]  # whole bands only


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return sum(x == y for x, y in zip(a, b, strict=False)) / max(len(a), 1)
