"""Measure the packaged NER tagger on the IL-NER Hindi test split.

Run: ``python bench/bench_ner.py [--shared PATH] [--split test|dev]``. Prints exact-span
P/R/F1 per type (PER/LOC/ORG) and micro, model load time and tagging speed in tokens
per second (one core, features included). Reads ../shared at run time; nothing from it
is stored in the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training"))

from train_ner import evaluate, read_conll  # noqa: E402

from vaarta.ner import Tagger  # noqa: E402


def shared_dir() -> Path:
    env = os.environ.get("VAARTA_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    ap.add_argument("--model", type=Path, default=None, help="model directory (default: packaged)")
    args = ap.parse_args(argv)
    shared = args.shared or shared_dir()
    path = shared / "data" / "il-ner-hindi" / "Datasets" / "Hindi" / f"Hindi-{args.split}.txt"
    if not path.is_file():
        print(f"IL-NER {args.split} split not found at {path}; set VAARTA_SHARED", file=sys.stderr)
        return 2
    sents = read_conll(path)
    t0 = time.perf_counter()
    tagger = Tagger.load(args.model)
    t_load = time.perf_counter() - t0
    t1 = time.perf_counter()
    pred = [tagger.tag(toks) for toks, _ in sents]
    t_tag = time.perf_counter() - t1
    n_tok = sum(len(t) for t, _ in sents)
    scores = evaluate([labs for _, labs in sents], pred)
    print(f"IL-NER Hindi {args.split}: {len(sents):,} sentences, {n_tok:,} tokens")
    print(f"load {t_load * 1000:.0f} ms; tagging {n_tok / t_tag:,.0f} tokens/s ({len(sents) / t_tag:,.0f} sentences/s)")
    print(f"{'type':6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}")
    for t, s in scores.items():
        print(f"{t:6s} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['n']:6d}")
    print(json.dumps({"split": args.split, "tokens_per_s": round(n_tok / t_tag), "scores": scores}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
