"""Knowledge-base size, load time, lookup and linking speed.

Usage: python bench/bench_kb.py [--covid N]   (reads ../shared/gold/dev for the linking figure when
present; --covid N also times find_entities on the first N covid-hindi-news articles with the NER
tagger's spans computed beforehand, i.e. ms/article of the linker alone)
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

from vaarta.entities import find_entities
from vaarta.kb import KnowledgeBase
from vaarta.model import Resources
from vaarta.segment import make_document


def covid_linking(n: int) -> None:
    from vaarta import pipeline
    from vaarta.corpora import covid_articles
    from vaarta.model import Rejection

    arts = []
    for a in covid_articles():
        arts.append(a)
        if len(arts) >= n:
            break
    docs = [d for d in (pipeline.prepare(a) for a in arts) if not isinstance(d, Rejection)]
    res = pipeline.load_resources()
    spans: dict[tuple[str, ...], object] = {}

    class Cached:  # the tagger's answers, computed once, so that only the linker is timed
        def spans(self, toks: list[str]) -> object:
            k = tuple(toks)
            if k not in spans:
                spans[k] = res.ner.spans(toks)  # type: ignore[union-attr]
            return spans[k]

    r2 = Resources(kb=res.kb, ner=Cached() if res.ner is not None else None)
    for d in docs:
        find_entities(d, r2)
    t = time.perf_counter()
    k = sum(len(find_entities(d, r2)[0]) for d in docs)
    dt = time.perf_counter() - t
    print(f"covid-hindi-news: {len(docs)} articles, {1000 * dt / max(len(docs), 1):.2f} ms/article (NER excluded), {k} entities")


def main() -> None:
    if "--covid" in sys.argv:
        covid_linking(int(sys.argv[sys.argv.index("--covid") + 1]))
    t = time.perf_counter()
    kb = KnowledgeBase.load()
    load_s = time.perf_counter() - t
    st = kb.stats()
    print(
        f"load: {load_s * 1000:.0f} ms; entities {st['entities']}, lookup keys {st['keys']}, "
        f"aliases {st['aliases']}, demonyms {st['demonyms']}, office terms {st['office_terms']}, "
        f"with QID {st['with_qid']}"
    )
    print("by type:", {k: v for k, v in st.items() if k.startswith("type:")})
    surfaces = [a for e in kb for a in (e.name, e.name_hi, *e.aliases) if a]
    random.seed(0)
    sample = [random.choice(surfaces) for _ in range(20000)]
    from vaarta.translit import name_key

    name_key.cache_clear()
    t = time.perf_counter()
    for s in sample:
        kb.lookup(s)
    dt = time.perf_counter() - t
    print(f"lookup: {len(sample) / dt:,.0f} per second (cold key cache)")
    t = time.perf_counter()
    for q in ("शी जिनपिंघ", "व्लादमीर पुटिन", "Hua Chunyin", "नरेन्द्र मोदि", "केजरिवाल"):
        kb.find(q)
    print(f"find (fuzzy fallback): {(time.perf_counter() - t) / 5 * 1000:.0f} ms per query")
    t = time.perf_counter()
    for _ in range(2000):
        kb.holder("president", "Russia", "2021-12-13")
    print(f"holder: {2000 / (time.perf_counter() - t):,.0f} per second")

    shared = Path(os.environ.get("VAARTA_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    gold_dir = shared / "gold" / "dev"
    if not gold_dir.is_dir():
        print("linking: skipped (../shared/gold/dev not present)")
        return
    texts = [p.read_text("utf-8") for p in sorted((gold_dir / "articles").glob("*.txt"))]
    docs = [make_document(x, published="2021-01-01") for x in texts]
    res = Resources(kb=kb)
    t = time.perf_counter()
    n = 0
    for d in docs:
        n += len(find_entities(d, res)[0])
    dt = time.perf_counter() - t
    chars = sum(len(d.text) for d in docs)
    print(
        f"find_entities (no tagger): {len(docs) / dt:.0f} docs/s, {chars / dt / 1000:.0f}k chars/s, "
        f"{n} entities over {len(docs)} docs"
    )


if __name__ == "__main__":
    main()
