"""Ingest and whole-pipeline speed on ../shared/data/covid-hindi-news, split into articles.

    python bench/bench_ingest.py [--limit N] [--db PATH]

Prints articles per second on one core (one process), the time per stage, and the
database size per 1,000 articles. Anyone can rerun it; results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from vaarta import pipeline
from vaarta.corpora import covid_articles
from vaarta.ingest import _copy_finder
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
    spent: dict[str, float] = defaultdict(float)
    tmp = tempfile.mkdtemp()
    db = a.db or os.path.join(tmp, "bench.db")
    copies = _copy_finder()
    n = rejected = 0
    t_all = time.perf_counter()
    with open_store(db) as store:
        for art in articles:
            t = time.perf_counter()
            doc = pipeline.prepare(art)
            spent["clean+segment"] += time.perf_counter() - t
            if isinstance(doc, Rejection):
                rejected += 1
                continue
            t = time.perf_counter()
            ents, flags = pipeline.find_entities(doc, res)
            spent["entities"] += time.perf_counter() - t
            t = time.perf_counter()
            times = pipeline.find_times(doc)
            spent["times"] += time.perf_counter() - t
            t = time.perf_counter()
            evs = pipeline.find_events(doc, ents, times, res)
            spent["events"] += time.perf_counter() - t
            t = time.perf_counter()
            qs = pipeline.find_quotes(doc, ents, res)
            spent["quotes"] += time.perf_counter() - t
            rec = pipeline.Record(
                document=doc, entities=tuple(ents), times=tuple(times), events=tuple(evs), quotes=tuple(qs), flags=tuple(flags)
            )
            t = time.perf_counter()
            sig, bands, _dup = copies(store, rec)
            spent["copies"] += time.perf_counter() - t
            t = time.perf_counter()
            store.put(rec, signature=sig, bands=bands)
            spent["store"] += time.perf_counter() - t
            n += 1
        t = time.perf_counter()
        from vaarta.ingest import merge_events

        merged = merge_events(store)
        spent["merge across articles"] += time.perf_counter() - t
    wall = time.perf_counter() - t_all
    size = sum(os.path.getsize(p) for p in Path(db).parent.glob(Path(db).name + "*"))
    print(f"articles: {n} analysed, {rejected} rejected, {chars / 1e6:.1f} M characters")
    print(f"resources loaded in {t_load:.2f} s")
    print(f"whole pipeline + store: {wall:.1f} s -> {n / wall:.1f} articles/s on one core")
    analysis = sum(v for k, v in spent.items() if k not in ("store", "copies", "merge across articles"))
    print(f"analysis only: {n / analysis:.1f} articles/s")
    for k, v in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<24} {v:7.2f} s  {100 * v / wall:5.1f} %  {1000 * v / max(n, 1):6.2f} ms/article")
    print(f"merged events: {merged}")
    print(f"database: {size / 1e6:.1f} MB -> {size / 1e6 / max(n, 1) * 1000:.1f} MB per 1,000 articles")


if __name__ == "__main__":
    main()
