"""Measure the packaged NER tagger on the IL-NER Hindi test split.

Run: ``python bench/bench_ner.py [--shared PATH] [--split test|dev]``. Prints exact-span
P/R/F1 per type (PER/LOC/ORG) and micro, model load time and tagging speed in tokens
per second (CPU time of one core, features included). Reads ../shared at run time; nothing from it
is stored in the repository.

It also checks the tagger's fast path (per-word cached score vectors, numpy Viterbi over
many sentences at once) against the reference (crfsuite itself over the plain
``vaarta.ner.sentence_features`` that training uses): labels must be identical on the
whole split, on 300 covid-hindi-news sentences and on the 150 covid-hindi-news articles it
times, tagged one sentence per call and one article per call (exit status 1 otherwise);
it prints the speeds ("reference" = crfsuite with string attributes, the code before the
fast path; "per sentence" = ``Tagger.tag`` per sentence; "per article" = ``Tagger.tag_many``
over each article's sentences, as the entities stage can call it).
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

from train_ner import annotated_part, evaluate, read_conll  # noqa: E402

from vaarta.ner import Tagger  # noqa: E402
from vaarta.segment import split_sentences, tokenize  # noqa: E402

N_COVID_SENTENCES = 300
COVID_PER_FILE = 10  # sentences taken from each article, files in sorted order
N_COVID_ARTICLES = 150  # articles timed whole, as the pipeline sees them


def covid_articles(shared: Path, n: int = N_COVID_ARTICLES) -> list[list[list[str]]]:
    """Token lists per sentence of the first ``n`` covid-hindi-news articles (sorted paths)."""
    out: list[list[list[str]]] = []
    for p in sorted((shared / "data" / "covid-hindi-news").rglob("*.txt"))[:n]:
        text = p.read_text(encoding="utf-8", errors="replace")
        sents = [[t.text for t in tokenize(s.text)] for s in split_sentences(text)]
        out.append([s for s in sents if s])
    return out


def covid_sentences(shared: Path, n: int = N_COVID_SENTENCES) -> list[list[str]]:
    """The first ``COVID_PER_FILE`` sentences of each covid-hindi-news article, ``n`` in all."""
    out: list[list[str]] = []
    for art in covid_articles(shared, n):
        out.extend(art[:COVID_PER_FILE])
    return out[:n]


def reference_tag(tagger: Tagger, tokens: list[str]) -> list[str]:
    """Labels from crfsuite over the plain feature function (the tagger's code before the fast path)."""
    return tagger.reference_tag(tokens)


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
    toks_split = [toks for toks, _ in sents]
    n_tok = sum(map(len, toks_split))
    clock = time.process_time  # CPU seconds of this process: the machine may be shared

    t0 = time.perf_counter()
    tagger = Tagger.load(args.model)
    t_load = time.perf_counter() - t0
    t1 = clock()
    pred = [tagger.tag(toks) for toks in toks_split]  # fresh tagger: word cache cold
    t_tag = clock() - t1
    t1 = clock()
    for toks in toks_split:  # second pass: every word cached
        tagger.tag(toks)
    t_warm = clock() - t1
    t1 = clock()
    ref = [reference_tag(tagger, toks) for toks in toks_split]
    t_ref = clock() - t1
    many = Tagger.load(args.model).tag_many(toks_split)
    same_split = sum(p == r == m for p, r, m in zip(pred, ref, many, strict=True))

    # covid-hindi-news: whole articles through a fresh tagger, as one pipeline worker sees them
    articles = covid_articles(shared)
    art_sents = [s for art in articles for s in art]
    n_art_tok = sum(map(len, art_sents))
    covid_tagger = Tagger.load(args.model)
    t1 = clock()
    art_pred = [covid_tagger.tag(toks) for toks in art_sents]
    t_art = clock() - t1
    batch_tagger = Tagger.load(args.model)
    t1 = clock()
    art_many = [labs for art in articles for labs in batch_tagger.tag_many(art)]
    t_many = clock() - t1
    t1 = clock()
    for art in articles:
        batch_tagger.tag_many(art)
    t_many_warm = clock() - t1
    t1 = clock()
    art_ref = [reference_tag(covid_tagger, toks) for toks in art_sents]
    t_art_ref = clock() - t1
    same_art = sum(p == r == m for p, r, m in zip(art_pred, art_ref, art_many, strict=True))
    covid = covid_sentences(shared)
    same_covid = sum(tagger.tag(toks) == reference_tag(tagger, toks) for toks in covid)

    scores = evaluate([labs for _, labs in sents], pred)
    print(f"IL-NER Hindi {args.split}: {len(sents):,} sentences, {n_tok:,} tokens")
    print(f"load {t_load * 1000:.0f} ms; tagging {n_tok / t_tag:,.0f} tokens/s ({len(sents) / t_tag:,.0f} sentences/s)")
    print(
        f"  CPU time, features included: reference {n_tok / t_ref:,.0f} tokens/s; "
        f"fast {n_tok / t_tag:,.0f} (x{t_ref / t_tag:.1f}); fast with warm cache {n_tok / t_warm:,.0f} (x{t_ref / t_warm:.1f})"
    )
    n_a = len(articles)
    print(
        f"covid-hindi-news: {n_a} articles, {len(art_sents):,} sentences, {n_art_tok:,} tokens, fresh taggers:\n"
        f"  reference {n_art_tok / t_art_ref:,.0f} tokens/s ({t_art_ref / n_a * 1000:.1f} ms/article)\n"
        f"  per sentence {n_art_tok / t_art:,.0f} tokens/s ({t_art / n_a * 1000:.1f} ms/article, x{t_art_ref / t_art:.1f})\n"
        f"  per article {n_art_tok / t_many:,.0f} tokens/s ({t_many / n_a * 1000:.1f} ms/article, x{t_art_ref / t_many:.1f}); "
        f"again, warm cache {n_art_tok / t_many_warm:,.0f} tokens/s ({t_many_warm / n_a * 1000:.1f} ms/article)"
    )
    print(
        f"identical labels: {same_split}/{len(sents)} {args.split} sentences, {same_covid}/{len(covid)} covid "
        f"sentences, {same_art}/{len(art_sents)} sentences of the {len(articles)} articles"
    )
    n_ann = len(annotated_part(sents))
    ann = evaluate([labs for _, labs in sents][:n_ann], pred[:n_ann])
    print(f"{'type':6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}   annotated part ({n_ann} sentences): P R F1")
    for t, s in scores.items():
        a = ann[t]
        print(f"{t:6s} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['n']:6d}   {a['p']:6.3f} {a['r']:6.3f} {a['f1']:6.3f}")
    summary = {
        "split": args.split,
        "tokens_per_s": round(n_tok / t_tag),
        "tokens_per_s_reference": round(n_tok / t_ref),
        "tokens_per_s_warm": round(n_tok / t_warm),
        "covid_tokens_per_s": round(n_art_tok / t_art),
        "covid_tokens_per_s_per_article": round(n_art_tok / t_many),
        "covid_tokens_per_s_per_article_warm": round(n_art_tok / t_many_warm),
        "covid_tokens_per_s_reference": round(n_art_tok / t_art_ref),
        "identical": [same_split, len(sents), same_covid, len(covid), same_art, len(art_sents)],
        "scores": scores,
        "scores_annotated_part": ann,
    }
    print(json.dumps(summary))
    differ = same_split != len(sents) or same_covid != len(covid) or same_art != len(art_sents)
    if differ or len(covid) < N_COVID_SENTENCES:
        print("FAIL: fast path labels differ from the reference", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
