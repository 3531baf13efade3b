"""Ingest and whole-pipeline speed on ../shared/data/covid-hindi-news, split into articles.

    python bench/bench_ingest.py [--limit N] [--db PATH]

Prints articles per second on one core (one process), wall and CPU; the CPU and wall time per
stage (CPU time is what to compare while other work shares the machine); and the database
size per 1,000 articles. Anyone can rerun it; results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from vaarta import pipeline
from vaarta.corpora import covid_articles
from vaarta.dedup import SIGNATURE_SCHEME
from vaarta.garble import find_garbled
from vaarta.ingest import _copy_finder, merge_events, quiet_gc
from vaarta.model import Rejection
from vaarta.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--db", help="database path (default: a temporary file)")
    a = ap.parse_args()
    articles = list(covid_articles())
    if a.limit:
        articles = articles[: a.limit]
    chars = sum(len(x.raw) for x in articles)
    t0 = time.perf_counter()
    res = pipeline.load_resources()
    t_load = time.perf_counter() - t0
    spent: dict[str, float] = defaultdict(float)  # wall seconds per stage
    cpu: dict[str, float] = defaultdict(float)  # CPU seconds per stage (the 2 cores are shared: compare these)
    tmp = tempfile.mkdtemp()
    db = a.db or os.path.join(tmp, "bench.db")
    copies = _copy_finder()
    n = rejected = 0

    def timed(stage: str, fn: Any, *args: Any) -> Any:
        t, c = time.perf_counter(), time.process_time()
        out = fn(*args)
        spent[stage] += time.perf_counter() - t
        cpu[stage] += time.process_time() - c
        return out

    t_all, c_all = time.perf_counter(), time.process_time()
    with open_store(db) as store:
        with store.batch(), quiet_gc():  # as vaarta ingest runs: one transaction per batch of articles
            for art in articles:
                doc = timed("clean+segment", pipeline.prepare, art)
                if isinstance(doc, Rejection):
                    rejected += 1
                    continue
                ents, flags = timed("entities", pipeline.find_entities, doc, res)
                times = timed("times", pipeline.find_times, doc)
                evs = timed("events", pipeline.find_events, doc, ents, times, res)
                qs = timed("quotes", pipeline.find_quotes, doc, ents, res)
                garbled = timed("garbled words", find_garbled, doc)
                rec = pipeline.Record(
                    document=doc,
                    entities=tuple(ents),
                    times=tuple(times),
                    events=tuple(evs),
                    quotes=tuple(qs),
                    flags=tuple(sorted([*flags, *garbled], key=lambda f: (f.start, f.end))),
                )
                sig, bands, _dup = timed("copies", copies, store, rec)
                timed(
                    "store", lambda r=rec, s=sig, b=bands: store.put(r, signature=s, bands=b, signature_scheme=SIGNATURE_SCHEME)
                )
                n += 1
        merged = timed("merge across articles", merge_events, store)
    wall, wall_cpu = time.perf_counter() - t_all, time.process_time() - c_all
    size = sum(os.path.getsize(p) for p in Path(db).parent.glob(Path(db).name + "*"))
    print(f"articles: {n} analysed, {rejected} rejected, {chars / 1e6:.1f} M characters")
    print(f"resources loaded in {t_load:.2f} s")
    print(f"whole pipeline + store: {wall:.1f} s -> {n / wall:.1f} articles/s on one core (wall)")
    print(f"                        {wall_cpu:.1f} s CPU -> {n / wall_cpu:.1f} articles/s per CPU second")
    not_analysis = ("store", "copies", "merge across articles")
    analysis = sum(v for k, v in cpu.items() if k not in not_analysis)
    print(f"analysis only: {n / analysis:.1f} articles/s per CPU second")
    print(f"  {'stage':<24} {'CPU ms/article':>14} {'wall ms/article':>15} {'CPU share':>9}")
    for k, v in sorted(cpu.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<24} {1000 * v / max(n, 1):14.2f} {1000 * spent[k] / max(n, 1):15.2f} {100 * v / wall_cpu:8.1f} %")
    print(f"merged events: {merged}")
    print(f"database: {size / 1e6:.1f} MB -> {size / 1e6 / max(n, 1) * 1000:.1f} MB per 1,000 articles")


if __name__ == "__main__":
    main()
