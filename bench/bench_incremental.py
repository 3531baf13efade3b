"""The cost of one more article on a full store: ingest (analysis, storing, the merge of the windows
and days it touches) and a full re-merge (`vaarta merge`).

    python bench/bench_incremental.py [DB]    # DB: a SQLite file (default: a temporary one)

Fills the store with the 638 covid articles of ../shared (or $VAARTA_SHARED) the first time, then
ingests three articles written here (a Delhi count and a quote, dated inside the covid months) one
at a time, and re-merges everything once. Prints seconds; copies nothing into the repository.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vaarta import corpora, pipeline  # noqa: E402
from vaarta.crossdoc_store import merge_all  # noqa: E402
from vaarta.ingest import ingest_articles  # noqa: E402
from vaarta.model import Article  # noqa: E402
from vaarta.store import open_store  # noqa: E402


def main() -> None:
    db = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "incremental.db"
    res = pipeline.load_resources()
    if not db.exists():
        with open_store(str(db)) as s:
            t0 = time.perf_counter()
            ingest_articles(list(corpora.covid_articles()), s, resources=res)
            print(f"filled {db} with the covid articles in {time.perf_counter() - t0:.1f} s")
    with open_store(str(db)) as s:
        print(f"store: {s.counts()['articles']} articles")
        for i in range(3):
            text = (
                f"नई दिल्ली। दिल्ली में कोरोना के {120 + i} नए मामले सामने आए हैं। स्वास्थ्य मंत्री सत्येंद्र जैन ने कहा कि"
                f" अस्पतालों में {i + 3} हजार बिस्तर तैयार हैं।"
            )
            a = Article(
                id=f"bench-{i}-{time.time_ns()}",
                source="bench",
                raw="कोरोना अपडेट\n\n" + text,
                title=f"दिल्ली में {120 + i} नए मामले",
                published="2020-04-15",
            )
            t0 = time.perf_counter()
            ingest_articles([a], s, resources=res)
            print(f"ingest one article with a count and a quote: {time.perf_counter() - t0:.3f} s")
        t0 = time.perf_counter()
        merge_all(s)
        print(f"full re-merge (vaarta merge): {time.perf_counter() - t0:.3f} s")


if __name__ == "__main__":
    main()
