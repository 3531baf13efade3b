"""Train vaarta's NER tagger: ``python training/train_ner.py``.

Reads ../shared (or $VAARTA_SHARED) and writes src/vaarta/resources/ner/:

1. lexicon (``ner_lexicon.json.gz``): word clusters learnt from unlabelled Hindi text
   (covid-hindi-news, bbc-hindi, iltimex2012, ednil2020-hindi and the words of the IL-NER train/dev
   splits -- never the test split): PPMI of left/right neighbour counts, truncated SVD,
   k-means at three granularities; a log-frequency bucket; gazetteer entries from
   naturalearth-hindi-places, cldr-hindi-gazetteer and indicate-names.
2. CRF (``ner.crfsuite``) on IL-NER train (+ dev, the default; only their annotated part
   with ``--annotated-only``), evaluated on the whole test split and on its annotated
   part; prints P/R/F1 per type and micro.

``--dev`` trains on train only and reports on dev (for choosing settings).
Deterministic: fixed seeds, sorted inputs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import json
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import pycrfsuite  # noqa: E402

from vaarta.ner import (  # noqa: E402
    ENTITY_TYPES,
    LEXICON_FILE,
    MODEL_FILE,
    Lexicon,
    bio_to_spans,
    normalise,
    sentence_features,
)

# --- settings (all tunable numbers in one place) ------------------------------
SEED = 13
NAME_MIN_COUNT = 2  # a person-name word must occur in this many gazetteer names
VOCAB_MIN_COUNT = 2  # words seen fewer times get no cluster
VOCAB_MAX = 60_000
CONTEXT_WORDS = 2_000  # most frequent words used as context columns
SVD_DIM = 100
CLUSTER_KS = (32, 256, 1024)  # coarse -> fine
KMEANS_ITERS = 15
CRF_PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}

# IL-NER Hindi annotates only the first ~half of each split: from about sentence 5,600 of
# train (700 of dev and of test) on, 10 of 5,476 train sentences hold a name although
# names occur (scheme and body names such as "... मिशन", "... आयोग"). Training on that tail
# teaches the CRF that such names are O. A split's annotated part ends where, scanning in
# steps of ANNOTATED_STEP, the next ANNOTATED_WINDOW sentences hold fewer than
# ANNOTATED_MIN_SHARE sentences with a name. ``--annotated-only`` trains on that part only;
# measured (docs/ner.md): dev micro-F1 0.721 -> 0.723, test 0.767 -> 0.770, but the
# pipeline's entity F1 on gold/dev fell 0.914 -> 0.908, so it is not the default. The test
# split is never cut; its annotated part is reported besides the whole.
ANNOTATED_STEP = 50
ANNOTATED_WINDOW = 300
ANNOTATED_MIN_SHARE = 0.05

TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:\.(?=\p{L}))?|[^\s\p{L}\p{M}\p{N}]")
TAG_RE = regex.compile(r"<[^>]+>")


def shared_dir() -> Path:
    env = os.environ.get("VAARTA_SHARED")
    return Path(env) if env else REPO.parent / "shared"


# --- IL-NER reading -----------------------------------------------------------
def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of (tokens, BIO labels over PER/LOC/ORG).

    Malformed tags are repaired: ``-NEL`` continues a preceding NEL span (else opens
    one), a bare ``-`` or an unknown tag is O, types other than NEP/NEL/NEO are O.
    """
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    labs: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.strip().split("\t") if line.strip() else []
        if not parts:
            if toks:
                sents.append((toks, labs))
            toks, labs = [], []
            continue
        if len(parts) < 2:
            parts = line.strip().split()
        tok, tag = parts[0], parts[-1] if len(parts) > 1 else "O"
        kind, _, ilt = tag.partition("-")
        typ = ENTITY_TYPES.get(ilt)
        if typ is None:
            lab = "O"
        elif kind == "B":
            lab = "B-" + typ
        else:  # "I" or malformed "" prefix: continue a same-type span, else open one
            lab = ("I-" if labs and labs[-1][2:] == typ else "B-") + typ
        toks.append(tok)
        labs.append(lab)
    return sents


def annotated_part(sents: list[tuple[list[str], list[str]]]) -> list[tuple[list[str], list[str]]]:
    """The leading part of a split that is annotated (see ``ANNOTATED_WINDOW``)."""
    has = [any(lab != "O" for lab in labs) for _, labs in sents]
    for i in range(0, len(sents), ANNOTATED_STEP):
        window = has[i : i + ANNOTATED_WINDOW]
        if sum(window) < ANNOTATED_MIN_SHARE * len(window):
            return sents[:i]
    return sents


# --- unlabelled text -----------------------------------------------------------
def unlabelled_texts(shared: Path) -> Iterator[str]:
    data = shared / "data"
    for p in sorted((data / "covid-hindi-news").rglob("*.txt")):
        yield p.read_text(encoding="utf-8", errors="replace")
    bbc = data / "bbc-hindi" / "articles.csv"
    if bbc.is_file():
        with bbc.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield row.get("text", "")
    for p in sorted((data / "iltimex2012").rglob("Plain_Text/*")):
        if p.is_file():
            yield html.unescape(TAG_RE.sub(" ", p.read_text(encoding="utf-8", errors="replace")))
    for p in sorted((data / "ednil2020-hindi").rglob("*")):
        if p.is_file() and p.name not in ("SOURCE.md", "readme.txt"):
            raw = p.read_text(encoding="utf-8", errors="replace")
            yield html.unescape(TAG_RE.sub(" ", raw))


def build_clusters(sentences: list[list[str]]) -> tuple[dict[str, list[int]], dict[str, int]]:
    counts = Counter(w for s in sentences for w in s)
    vocab = [w for w, c in counts.most_common(VOCAB_MAX) if c >= VOCAB_MIN_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:CONTEXT_WORDS])}
    n_ctx = len(ctx) + 1  # last column: any other word / sentence edge
    rows: list[int] = []
    cols: list[int] = []
    for s in sentences:
        ids = [index.get(w, -1) for w in s]
        cids = [ctx.get(w, n_ctx - 1) for w in s]
        n = len(s)
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for slot, d in enumerate((-2, -1, 1, 2)):
                j = i + d
                c = cids[j] if 0 <= j < n else n_ctx - 1
                rows.append(wi)
                cols.append(slot * n_ctx + c)
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    m = coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
        shape=(len(vocab), 4 * n_ctx),
    ).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context-distribution smoothing
    col_p = col_sum / col_sum.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total) - np.log(row_sum[m.row] / total) - np.log(col_p[m.col])
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    rng = np.random.default_rng(SEED)
    v0 = rng.standard_normal(min(ppmi.shape))
    u, sv, _ = svds(ppmi, k=SVD_DIM, v0=v0)
    emb = u * np.sqrt(sv)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    levels = [kmeans(emb, k, rng) for k in CLUSTER_KS]
    clusters = {w: [int(lv[i]) for lv in levels] for i, w in enumerate(vocab)}
    freq = {w: min(int(math.log2(c)), 12) for w, c in counts.items() if c >= 2}
    return clusters, freq


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means (cosine), centres initialised from k random words."""
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(KMEANS_ITERS):
        assign = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(axis=0)
                centres[c] = v / (np.linalg.norm(v) + 1e-9)
            else:
                centres[c] = x[rng.integers(len(x))]
    return assign


# --- gazetteers ---------------------------------------------------------------
def build_gazetteer(shared: Path) -> tuple[list[str], dict[str, str]]:
    """Place names (whole, normalised) and person-name words ('first' / 'last').

    Person words must occur in at least NAME_MIN_COUNT names and not be Hindi stop words
    (spaCy's list), since many Indian given names are also common words.
    """
    from spacy.lang.hi.stop_words import STOP_WORDS

    stop = {normalise(w) for w in STOP_WORDS}
    data = shared / "data"
    places: set[str] = set()
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()

    def words(name: str | None) -> list[str]:
        return [normalise(w) for w in TOKEN_RE.findall(name or "")]

    def add_place(name: str | None) -> None:
        ws = words(name)
        if ws and all(regex.match(r"\p{Devanagari}", w) for w in ws):
            places.add(" ".join(ws))

    def add_person(name: str | None) -> None:
        ws = [w for w in words(name) if len(w) > 1 and regex.match(r"\p{Devanagari}", w)]
        if len(ws) >= 2:
            first.update(ws[:-1])
            last[ws[-1]] += 1

    ne = data / "naturalearth-hindi-places"
    for fn in ("ne_50m_admin0_countries_hi.csv", "ne_50m_populated_places_hi.csv"):
        if (ne / fn).is_file():
            with (ne / fn).open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    add_place(row.get("NAME_HI"))
    cldr = data / "cldr-hindi-gazetteer"
    for fn, key in (("territories_hi_en.json", "hi"), ("timezone_cities_hi_en.json", "city_hi")):
        if (cldr / fn).is_file():
            for row in json.loads((cldr / fn).read_text(encoding="utf-8")):
                add_place(row.get(key))
    ind = data / "indicate-names"
    if (ind / "affidavits.csv").is_file():
        with (ind / "affidavits.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                add_person(row.get("name_hindi"))
    if (ind / "players_with_hindi_names.json").is_file():
        for row in json.loads((ind / "players_with_hindi_names.json").read_text(encoding="utf-8")):
            add_person(row.get("hindi_long_name") or row.get("hindi_name"))
    names: dict[str, str] = {}
    for w in set(first) | set(last):
        if w in stop:
            continue
        kinds = [k for k, c in (("first", first), ("last", last)) if c[w] >= NAME_MIN_COUNT]
        if kinds:
            names[w] = "+".join(kinds)
    return sorted(places), names


# --- evaluation ---------------------------------------------------------------
def evaluate(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Exact-span P/R/F1 per type and micro."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(bio_to_spans(g)), set(bio_to_spans(p))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    out: dict[str, dict[str, float]] = {}
    for t in [*sorted(n_gold), "micro"]:
        if t == "micro":
            a, b, c = sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())
        else:
            a, b, c = tp[t], n_pred[t], n_gold[t]
        p = a / b if b else 0.0
        r = a / c if c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "n": c}
    return out


def train_crf(xs: list[list[list[str]]], ys: list[list[str]], path: Path) -> None:
    """Train one CRF with ``CRF_PARAMS`` and write it to ``path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params(CRF_PARAMS)
    trainer.train(str(path))


def report(title: str, scores: dict[str, dict[str, float]]) -> None:
    print(f"{title}: " + json.dumps(scores))
    for t, s in scores.items():
        print(f"  {t:5s} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}  (n={s['n']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "src" / "vaarta" / "resources" / "ner")
    ap.add_argument("--dev", action="store_true", help="train on train, report on dev")
    ap.add_argument("--reuse-lexicon", action="store_true", help="keep an existing lexicon")
    ap.add_argument(
        "--annotated-only", action="store_true", help="train on the annotated part of each split (tried, not adopted)"
    )
    args = ap.parse_args(argv)
    shared = shared_dir()
    ner_dir = shared / "data" / "il-ner-hindi" / "Datasets" / "Hindi"
    if not ner_dir.is_dir():
        print(f"IL-NER data not found at {ner_dir}; set VAARTA_SHARED", file=sys.stderr)
        return 2
    train = read_conll(ner_dir / "Hindi-train.txt")
    dev = read_conll(ner_dir / "Hindi-dev.txt")
    test = read_conll(ner_dir / "Hindi-test.txt")
    args.out.mkdir(parents=True, exist_ok=True)
    lex_path = args.out / LEXICON_FILE

    t0 = time.perf_counter()
    if not (args.reuse_lexicon and lex_path.is_file()):
        sents = [
            [normalise(w) for w in TOKEN_RE.findall(line)] for text in unlabelled_texts(shared) for line in text.splitlines()
        ]
        sents += [[normalise(w) for w in toks] for toks, _ in train + dev]
        sents = [s for s in sents if s]
        n_tok = sum(map(len, sents))
        print(f"unlabelled: {len(sents):,} lines, {n_tok:,} tokens", flush=True)
        clusters, freq = build_clusters(sents)
        places, names = build_gazetteer(shared)
        print(f"clusters for {len(clusters):,} words; {len(places):,} places, {len(names):,} name words", flush=True)
        payload = {
            "source": "vaarta training/train_ner.py: clusters+freq from covid-hindi-news, bbc-hindi, iltimex2012, "
            "ednil2020-hindi, IL-NER train/dev words; gazetteer from naturalearth-hindi-places, "
            "cldr-hindi-gazetteer, indicate-names",
            "clusters": clusters,
            "freq": freq,
            "places": places,
            "names": names,
        }
        raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        lex_path.write_bytes(gzip.compress(raw.encode("utf-8"), mtime=0))
    t_lex = time.perf_counter() - t0
    lex = Lexicon.from_bytes(lex_path.read_bytes())

    fit = train if args.dev else train + dev
    if args.annotated_only:
        fit = annotated_part(train) + ([] if args.dev else annotated_part(dev))
        print(f"training on the annotated part: {len(fit):,} sentences")
    evals = dev if args.dev else test
    split = "dev" if args.dev else "test"
    fit_x = [sentence_features(toks, lex) for toks, _ in fit]
    fit_y = [labs for _, labs in fit]
    t1 = time.perf_counter()
    model_path = args.out / MODEL_FILE
    train_crf(fit_x, fit_y, model_path)
    t_crf = time.perf_counter() - t1

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    t2 = time.perf_counter()
    pred = [list(tagger.tag(sentence_features(toks, lex))) for toks, _ in evals]
    t_tag = time.perf_counter() - t2
    n_eval = sum(len(t) for t, _ in evals)
    gold = [labs for _, labs in evals]
    print(f"lexicon {t_lex:.0f} s, CRF training {t_crf:.0f} s on {len(fit):,} sentences; tagging {n_eval / t_tag:,.0f} tokens/s")
    report(split, evaluate(gold, pred))
    n_ann = len(annotated_part(evals))
    report(f"{split}, annotated part only ({n_ann:,} sentences)", evaluate(gold[:n_ann], pred[:n_ann]))

    print(f"model {model_path.stat().st_size / 1e6:.1f} MB, lexicon {lex_path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
