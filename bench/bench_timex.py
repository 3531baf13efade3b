"""Benchmark the Hindi time-expression detector and resolver.

Prints:
* ILTIMEX2012 detection precision/recall/F1 (strict = exact span, lenient = overlap) for the
  ``iltimex`` scheme against all 1,920 spans (D/P/F/T), and for the ``calendar`` scheme
  against the D (date) spans only;
* gold/dev time detection F1 and value accuracy (spec/gold.md);
* expressions per second.

Reads ../shared at run time (or $VAARTA_SHARED); nothing from it is stored in the repo.
ILTIMEX scores are given for a development half (odd document numbers, the only half whose
errors were looked at while writing rules), the held-out half (even numbers) and all 300.
Usage: python bench/bench_timex.py [--docs N]

Speed and identity on real articles (covid-hindi-news, gold/dev articles, seeds)::

    python bench/bench_timex.py --covid-speed            # ms/article: find_times, prepare
    python bench/bench_timex.py --save-digests FILE      # before a speed change …
    python bench/bench_timex.py --check-digests FILE     # … after it: outputs must be identical

A digest is the SHA-256 of one article's ``prepare`` Document (text, offsets, removed,
sentences, tokens) and its ``find_times`` result.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vaarta.segment import make_document
from vaarta.timex import find_times
from vaarta.timex_detect import find_spans

_TAG = regex.compile(r'<ILTIMEX TYPE="(\w)">|</ILTIMEX>|<[^>]+>')


def shared_dir() -> Path:
    env = os.environ.get("VAARTA_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def load_iltimex(root: Path) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """(name, plain text, gold spans with type) for each Manual_Tagged document."""
    docs = []
    folder = root / "data" / "iltimex2012" / "ILTIMEX2012" / "Manual_Tagged"
    for path in sorted(folder.glob("C-*.xml"), key=lambda p: int(p.stem[2:])):
        raw = path.read_text(encoding="utf-8")
        out: list[str] = []
        spans: list[tuple[int, int, str]] = []
        pos, n, open_at, open_type = 0, 0, -1, ""
        for m in _TAG.finditer(raw):
            chunk = raw[pos : m.start()]
            out.append(chunk)
            n += len(chunk)
            if m.group(1):
                open_at, open_type = n, m.group(1)
            elif m.group(0) == "</ILTIMEX>":
                spans.append((open_at, n, open_type))
            pos = m.end()
        out.append(raw[pos:])
        text = "".join(out)
        # strip surrounding whitespace inside gold spans (annotation noise)
        fixed = []
        for s, e, t in spans:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            fixed.append((s, e, t))
        docs.append((path.stem, text, fixed))
    return docs


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_spans(pairs: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]], lenient: bool) -> tuple[float, float, float]:
    tp_p = tp_r = n_sys = n_gold = 0
    for sys_spans, gold_spans in pairs:
        n_sys += len(sys_spans)
        n_gold += len(gold_spans)
        if lenient:
            tp_p += sum(any(s < ge and gs < e for gs, ge in gold_spans) for s, e in sys_spans)
            tp_r += sum(any(s < ge and gs < e for s, e in sys_spans) for gs, ge in gold_spans)
        else:
            g = set(gold_spans)
            hit = sum(sp in g for sp in set(sys_spans))
            tp_p += hit
            tp_r += hit
    return prf(tp_p, n_sys, tp_r, n_gold)


# Fixed split of the 300 documents by file number: odd C-N (C-1, C-3, …) are the development
# half (rules are tuned by looking at its errors only), even C-N are held out.
SPLITS = ("dev", "heldout", "all")


def in_split(name: str, split: str) -> bool:
    n = int(name[2:])
    return split == "all" or (split == "dev") == (n % 2 == 1)


def iltimex_scores(root: Path, limit: int | None = None, split: str = "all") -> dict[str, tuple[float, float, float]]:
    docs = [d for d in load_iltimex(root) if in_split(d[0], split)][:limit]
    all_pairs, date_pairs = [], []
    for _, text, gold in docs:
        all_pairs.append((find_spans(text, "iltimex"), [(s, e) for s, e, _ in gold]))
        date_pairs.append((find_spans(text, "calendar"), [(s, e) for s, e, t in gold if t == "D"]))
    return {
        "iltimex strict": score_spans(all_pairs, False),
        "iltimex lenient": score_spans(all_pairs, True),
        "calendar-vs-D strict": score_spans(date_pairs, False),
        "calendar-vs-D lenient": score_spans(date_pairs, True),
    }


def gold_dev_scores(root: Path) -> dict[str, float]:
    """Detection P/R/F1 and value accuracy over gold times, per spec/gold.md.

    Gold lists each distinct time of an article once, so system times are deduplicated by
    text per document before precision is computed; one-to-one matching by containment.
    """
    gold_path = root / "gold" / "dev" / "gold.jsonl"
    n_gold = n_sys = found = right = tp_sys = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        text = (gold_path.parent / g["file"]).read_text(encoding="utf-8")
        doc = make_document(text, published=g["published"], id=g["id"])
        times = find_times(doc)
        uniq: dict[str, object] = {}
        for t in times:
            uniq.setdefault(t.text, t)
        sys_list = list(uniq.values())
        n_sys += len(sys_list)
        used: set[int] = set()
        for gt in g["times"]:
            n_gold += 1
            for i, st in enumerate(sys_list):
                if i in used:
                    continue
                if gt["text"] in st.text or st.text in gt["text"]:  # type: ignore[attr-defined]
                    used.add(i)
                    found += 1
                    right += st.value == gt["value"]  # type: ignore[attr-defined]
                    break
        tp_sys += len(used)
    p, r, f = prf(tp_sys, n_sys, found, n_gold)
    return {"precision": p, "recall": r, "f1": f, "value_accuracy": right / n_gold if n_gold else 0.0, "gold_times": n_gold}


def speed(root: Path, rounds: int = 3) -> tuple[float, int, float, float]:
    """(expressions/s, expressions per pass, documents/s, characters/s); lexicon compiled first."""
    docs = load_iltimex(root)
    made = [make_document(text, published="2012-06-15") for _, text, _ in docs]
    find_times(made[0])  # compile the patterns outside the timing
    t0 = time.perf_counter()
    n = 0
    for _ in range(rounds):
        n = sum(len(find_times(d)) for d in made)
    dt = (time.perf_counter() - t0) / rounds
    chars = sum(len(d.text) for d in made)
    return n / dt, n, len(made) / dt, chars / dt


def real_articles(root: Path) -> list:  # type: ignore[type-arg]
    """covid-hindi-news, then the gold/dev article files, then the seeds."""
    from vaarta.corpora import covid_articles
    from vaarta.inputs import read_file
    from vaarta.model import Rejection

    arts = list(covid_articles(root))
    for path in sorted((root / "gold" / "dev" / "articles").glob("*.txt")) + sorted((root / "seeds").glob("*.txt")):
        arts += [a for a in read_file(path) if not isinstance(a, Rejection)]
    return arts


def digests(root: Path) -> dict[str, str]:
    """Article id → SHA-256 of its prepared Document and its time expressions."""
    import hashlib

    from vaarta.pipeline import prepare

    out: dict[str, str] = {}
    for art in real_articles(root):
        doc = prepare(art)
        if hasattr(doc, "text"):
            parts = (doc.text, doc.offsets, doc.removed, doc.sentences, doc.tokens, find_times(doc))  # type: ignore[arg-type]
        else:
            parts = (doc,)  # a Rejection
        out[f"{art.source}#{art.id}"] = hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
    return out


def covid_speed(root: Path, rounds: int = 3) -> dict[str, float]:
    """ms/article of find_times and of pipeline.prepare over covid-hindi-news (best of ``rounds``)."""
    from vaarta.corpora import covid_articles
    from vaarta.pipeline import prepare

    arts = list(covid_articles(root))
    docs = [d for d in (prepare(a) for a in arts) if hasattr(d, "text")]
    best = {"find_times": float("inf"), "prepare": float("inf")}
    for _ in range(rounds):
        t = time.perf_counter()
        for d in docs:
            find_times(d)  # type: ignore[arg-type]
        best["find_times"] = min(best["find_times"], (time.perf_counter() - t) / len(docs) * 1000)
        t = time.perf_counter()
        for a in arts:
            prepare(a)
        best["prepare"] = min(best["prepare"], (time.perf_counter() - t) / len(arts) * 1000)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--covid-speed", action="store_true", help="ms/article on covid-hindi-news, then exit")
    ap.add_argument("--save-digests", metavar="FILE", help="write per-article output digests, then exit")
    ap.add_argument("--check-digests", metavar="FILE", help="compare with digests saved before, then exit")
    args = ap.parse_args()
    root = shared_dir()
    if not root.exists():
        sys.exit(f"shared data not found at {root}")
    if args.covid_speed:
        for k, v in covid_speed(root).items():
            print(f"{k:12s} {v:6.2f} ms/article")
        return
    if args.save_digests:
        d = digests(root)
        Path(args.save_digests).write_text(json.dumps(d, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{len(d)} article digests written to {args.save_digests}")
        return
    if args.check_digests:
        before = json.loads(Path(args.check_digests).read_text(encoding="utf-8"))
        now = digests(root)
        diff = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
        print(f"{len(now)} articles, {len(diff)} with different output")
        for k in diff[:20]:
            print("  ", k)
        sys.exit(1 if diff else 0)
    for split in SPLITS:
        for name, (p, r, f) in iltimex_scores(root, args.docs, split).items():
            print(f"ILTIMEX2012 {split:7s} {name:22s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    d = gold_dev_scores(root)
    print(
        f"gold/dev times: P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
        f"value accuracy {d['value_accuracy']:.3f}  ({d['gold_times']:.0f} gold times)"
    )
    eps, n, dps, cps = speed(root)
    print(
        f"speed: {eps:,.0f} expressions/s, {dps:,.0f} documents/s, {cps / 1e6:.2f} M characters/s "
        f"({n} calendar expressions detected and resolved in 300 ILTIMEX docs)"
    )


if __name__ == "__main__":
    main()
