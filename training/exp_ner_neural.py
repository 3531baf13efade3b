"""Experiment (not part of the pipeline): a small neural NER tagger against the CRF.

Round four of docs/ner.md. A BiLSTM-CRF over word vectors that are pretrained here, with
gensim's fastText, on the unlabelled Hindi text of ../shared/data (the same texts and the
same IL-NER train/dev *words* the CRF's word clusters are learnt from; never the test
split), plus a character CNN and, optionally, the CRF lexicon's discrete features
(clusters, frequency bucket, place-name marks, person-name words, shape, cue words) as
small learnt embeddings. Nothing is downloaded; no pretrained weights.

Needs torch and gensim, which vaarta itself does not depend on; run it from a separate
virtual environment::

    python3 -m venv /work/venv-ner
    /work/venv-ner/bin/pip install torch numpy regex gensim python-crfsuite
    PYTHONPATH=src nice -n 19 /work/venv-ner/bin/python training/exp_ner_neural.py \
        --variant lex --ft-dim 200 --ft-epochs 10 --epochs 15 --cosine          # dev (~15 min)
    ... the same with --final                                                 # test, once

(``pip install torch`` from PyPI brings the CUDA build, 5.7 GB; a CPU-only wheel is ~200 MB.)

``--variant`` picks the input features (see ``VARIANTS``); the default protocol trains on
IL-NER train and reports exact-span micro-F1 on dev after every epoch (settings are chosen
there). ``--final --epochs N`` trains the chosen setting on train + dev for N epochs and
scores it once on test. fastText vectors are cached in ``--cache`` (outside the repository).
Every run prints one JSON line at the end (``RESULT {...}``): scores, training time and
tagging speed (tokens/s, from tokens to labels, one CPU thread).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import types
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
# Import vaarta's NER modules without running vaarta/__init__ (which pulls in the whole
# pipeline's dependencies): a bare package object whose __path__ is the source folder.
if "vaarta" not in sys.modules:
    _pkg = types.ModuleType("vaarta")
    _pkg.__path__ = [str(REPO / "src" / "vaarta")]
    sys.modules["vaarta"] = _pkg
sys.path.insert(0, str(REPO / "training"))

import torch  # noqa: E402
import train_ner as tn  # noqa: E402  (reading, unlabelled texts, evaluation: shared with the CRF)
from torch import nn  # noqa: E402

from vaarta.ner_features import (  # noqa: E402
    _ACRONYM,
    ORG_HEADS,
    PERSON_CUES,
    PLACE_CUES,
    POSTPOSITIONS,
    Lexicon,
    normalise,
    shape,
)

# --- settings -----------------------------------------------------------------
SEED = 13
FT_DIM = 100
FT_EPOCHS = 5
FT_MIN_COUNT = 2
FT_WINDOW = 5
FT_NGRAMS = (2, 5)  # character n-gram lengths of fastText's subwords (Devanagari code points)
MAX_CHARS = 20
CHAR_DIM = 32
CHAR_FILTERS = 64
HIDDEN = 128
DROPOUT = 0.5
LR = 2e-3
BATCH = 32
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
SHAPES = ["deva", "digit", "LATIN", "Latin", "latin", "punct", "mixed", "empty"]
NAME_KINDS = ["", "first", "last", "first+last"]
# Variants: which inputs the word BiLSTM reads. ``crf`` picks CRF or softmax output.
VARIANTS: dict[str, dict[str, bool]] = {
    "ft": {"ft": True, "chars": True, "lex": False, "crf": True},  # fastText + char CNN
    "lex": {"ft": True, "chars": True, "lex": True, "crf": True},  # + lexicon features
    "lex-softmax": {"ft": True, "chars": True, "lex": True, "crf": False},
    "lex-tune": {"ft": True, "chars": True, "lex": True, "crf": True, "tune": True},  # + trainable word vectors
}
Sent = tuple[list[str], list[str]]


# --- word vectors -------------------------------------------------------------
def embedding_corpus(shared: Path, labelled: Sequence[Sent]) -> list[list[str]]:
    """Normalised token lines of the unlabelled texts plus the words of ``labelled``."""
    sents = [
        [normalise(w) for w in tn.TOKEN_RE.findall(line)] for text in tn.unlabelled_texts(shared) for line in text.splitlines()
    ]
    sents += [[normalise(w) for w in toks] for toks, _ in labelled]
    return [s for s in sents if s]


def load_fasttext(shared: Path, labelled: Sequence[Sent], cache: Path) -> tuple[Any, float]:
    """fastText skip-gram vectors (gensim), trained once and cached; (model, seconds)."""
    from gensim.models import FastText

    path = cache / f"ft{FT_DIM}_e{FT_EPOCHS}.model"
    if path.is_file():
        return FastText.load(str(path)), 0.0
    t0 = time.perf_counter()
    sents = embedding_corpus(shared, labelled)
    print(f"fastText corpus: {len(sents):,} lines, {sum(map(len, sents)):,} tokens", flush=True)
    model = FastText(
        vector_size=FT_DIM,
        window=FT_WINDOW,
        min_count=FT_MIN_COUNT,
        sg=1,
        min_n=FT_NGRAMS[0],
        max_n=FT_NGRAMS[1],
        bucket=500_000,
        epochs=FT_EPOCHS,
        workers=2,
        seed=SEED,
    )
    model.build_vocab(corpus_iterable=sents)
    model.train(corpus_iterable=sents, total_examples=len(sents), epochs=FT_EPOCHS)
    secs = time.perf_counter() - t0
    cache.mkdir(parents=True, exist_ok=True)
    model.save(str(path))
    print(f"fastText: {len(model.wv.key_to_index):,} words, {secs:.0f} s", flush=True)
    return model, secs


# --- features -----------------------------------------------------------------
class Featurizer:
    """Tokens -> arrays: word vector, char ids, discrete lexicon ids; per-word cache."""

    def __init__(self, ft: Any, lex: Lexicon, chars: dict[str, int], words: dict[str, int]) -> None:
        self.ft = ft
        self.lex = lex
        self.chars = chars
        self.words = words  # trainable-vocabulary ids (variant lex-tune); 1 = unknown
        self.cache: dict[str, tuple[np.ndarray, np.ndarray, list[int]]] = {}

    def _word(self, tok: str, key: str) -> tuple[np.ndarray, np.ndarray, list[int]]:
        hit = self.cache.get(tok)
        if hit is not None:
            return hit
        vec = self.ft.wv[key] if self.ft is not None and key else np.zeros(FT_DIM, dtype=np.float32)
        ch = np.zeros(MAX_CHARS, dtype=np.int64)
        for i, c in enumerate(key[:MAX_CHARS]):
            ch[i] = self.chars.get(c, 1)
        cl = self.lex.clusters.get(key)
        disc = [
            *([c + 2 for c in cl] if cl else [1, 1, 1]),
            self.lex.freq.get(key, -1) + 2,
            NAME_KINDS.index(self.lex.names.get(key, "")) if self.lex.names.get(key, "") in NAME_KINDS else 0,
            SHAPES.index(shape(tok)),
            1
            + (key in POSTPOSITIONS)
            + 2 * (key in PERSON_CUES)
            + 4 * (key in PLACE_CUES)
            + 8 * (key in ORG_HEADS)
            + 16 * bool(_ACRONYM.match(tok)),
            self.words.get(key, 1),
        ]
        out = (np.asarray(vec, dtype=np.float32), ch, disc)
        self.cache[tok] = out
        return out

    def sentence(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        keys = [normalise(t) for t in tokens]
        place = self.lex.place_tags(keys)
        rows = [self._word(t, k) for t, k in zip(tokens, keys, strict=True)]
        vecs = np.stack([r[0] for r in rows])
        chars = np.stack([r[1] for r in rows])
        disc = np.array([[*r[2], "OBI".index(p)] for r, p in zip(rows, place, strict=True)], dtype=np.int64)
        return vecs, chars, disc


# discrete columns: cluster 32 / 256 / 1024, freq bucket, name kind, shape, cue bits, word id, place
DISC_DIMS = [8, 16, 24, 8, 4, 4, 8, 0, 4]


def disc_sizes(n_words: int) -> list[int]:
    return [32 + 2, 256 + 2, 1024 + 2, 16, len(NAME_KINDS), len(SHAPES), 33, n_words, 3]


# --- model --------------------------------------------------------------------
class NeuralTagger(nn.Module):
    def __init__(self, n_chars: int, n_words: int, cfg: dict[str, bool]) -> None:
        super().__init__()
        self.cfg = cfg
        self.char_emb = nn.Embedding(n_chars, CHAR_DIM, padding_idx=0)
        self.char_cnn = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, kernel_size=3, padding=1)
        sizes = disc_sizes(n_words)
        dims = list(DISC_DIMS)
        if cfg.get("tune"):
            dims[7] = FT_DIM  # trainable word vectors, started from fastText in run()
        self.disc_cols = [i for i, d in enumerate(dims) if d and (cfg["lex"] or i == 7)]
        self.disc = nn.ModuleList([nn.Embedding(sizes[i], dims[i]) for i in self.disc_cols])
        in_dim = (FT_DIM if cfg["ft"] else 0) + (CHAR_FILTERS if cfg["chars"] else 0) + sum(dims[i] for i in self.disc_cols)
        self.drop = nn.Dropout(DROPOUT)
        self.lstm = nn.LSTM(in_dim, HIDDEN, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * HIDDEN, len(LABELS))
        n = len(LABELS)
        self.trans = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))

    def emissions(self, vecs: torch.Tensor, chars: torch.Tensor, disc: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        parts = []
        if self.cfg["ft"]:
            parts.append(vecs)
        if self.cfg["chars"]:
            b, t, c = chars.shape
            ce = self.char_emb(chars.view(b * t, c)).transpose(1, 2)  # (bt, dim, chars)
            h = torch.relu(self.char_cnn(ce))
            h = h.masked_fill((chars.view(b * t, 1, c) == 0), -1e4).max(dim=2).values
            h = torch.where(h < -1e3, torch.zeros_like(h), h)
            parts.append(h.view(b, t, -1))
        parts.extend(emb(disc[:, :, i]) for emb, i in zip(self.disc, self.disc_cols, strict=True))
        x = self.drop(torch.cat(parts, dim=2))
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
        return self.out(self.drop(out))

    def loss(self, em: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        if not self.cfg["crf"]:
            return nn.functional.cross_entropy(em[mask], tags[mask], reduction="sum")
        t = em.shape[1]
        fm = mask.float()
        gold = self.start[tags[:, 0]] + (em.gather(2, tags.unsqueeze(2)).squeeze(2) * fm).sum(1)
        gold = gold + (self.trans[tags[:, :-1], tags[:, 1:]] * fm[:, 1:]).sum(1)
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        gold = gold + self.end[last]
        alpha = self.start + em[:, 0]
        for i in range(1, t):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, i].unsqueeze(1), dim=1)
            alpha = torch.where(mask[:, i : i + 1], nxt, alpha)
        log_z = torch.logsumexp(alpha + self.end, dim=1)
        return (log_z - gold).sum()

    def decode(self, em: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        lengths = mask.sum(1).tolist()
        if not self.cfg["crf"]:
            best = em.argmax(2).tolist()
            return [row[:n] for row, n in zip(best, lengths, strict=True)]
        b, t, n = em.shape
        score = self.start + em[:, 0]
        back = []
        for i in range(1, t):
            s = score.unsqueeze(2) + self.trans  # (b, from, to)
            best, idx = s.max(dim=1)
            nxt = best + em[:, i]
            m = mask[:, i : i + 1]
            score = torch.where(m, nxt, score)
            back.append(torch.where(m, idx, torch.arange(n).expand(b, n)))
        score = score + self.end
        cur = score.argmax(1)
        path = [cur]
        for idx in reversed(back):
            cur = idx.gather(1, cur.unsqueeze(1)).squeeze(1)
            path.append(cur)
        full = torch.stack(path[::-1], dim=1).tolist()
        return [row[:ln] for row, ln in zip(full, lengths, strict=True)]


# --- batching, training, evaluation -------------------------------------------
def batch_tensors(
    feats: list[tuple[np.ndarray, np.ndarray, np.ndarray]], tags: list[list[int]] | None
) -> tuple[torch.Tensor, ...]:
    lengths = [len(f[0]) for f in feats]
    b, t = len(feats), max(lengths)
    vecs = np.zeros((b, t, FT_DIM), dtype=np.float32)
    chars = np.zeros((b, t, MAX_CHARS), dtype=np.int64)
    disc = np.zeros((b, t, feats[0][2].shape[1]), dtype=np.int64)
    ys = np.zeros((b, t), dtype=np.int64)
    mask = np.zeros((b, t), dtype=bool)
    for i, (v, c, d) in enumerate(feats):
        n = len(v)
        vecs[i, :n], chars[i, :n], disc[i, :n], mask[i, :n] = v, c, d, True
        if tags is not None:
            ys[i, :n] = tags[i]
    return (
        torch.from_numpy(vecs),
        torch.from_numpy(chars),
        torch.from_numpy(disc),
        torch.tensor(lengths),
        torch.from_numpy(ys),
        torch.from_numpy(mask),
    )


def tag_sentences(model: NeuralTagger, fz: Featurizer, sents: Sequence[Sequence[str]], batch: int = 128) -> list[list[str]]:
    model.eval()
    order = sorted(range(len(sents)), key=lambda i: len(sents[i]))
    out: list[list[str]] = [[] for _ in sents]
    with torch.no_grad():
        for s in range(0, len(order), batch):
            ids = [i for i in order[s : s + batch] if sents[i]]
            if not ids:
                continue
            vecs, chars, disc, lengths, _, mask = batch_tensors([fz.sentence(sents[i]) for i in ids], None)
            em = model.emissions(vecs, chars, disc, lengths)
            for i, row in zip(ids, model.decode(em, mask), strict=True):
                out[i] = [LABELS[j] for j in row]
    return out


def seen_recall(fit: Sequence[Sent], evals: Sequence[Sent], pred: Sequence[Sequence[str]]) -> dict[str, str]:
    """Recall on evaluated entities whose normalised string is / is not a gold entity in ``fit``."""
    known = {" ".join(normalise(t) for t in toks[a:b]) for toks, labs in fit for a, b, _ in tn.bio_to_spans(labs)}
    hit: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for (toks, labs), p in zip(evals, pred, strict=True):
        found = set(tn.bio_to_spans(list(p)))
        for span in tn.bio_to_spans(labs):
            key = "seen" if " ".join(normalise(t) for t in toks[span[0] : span[1]]) in known else "unseen"
            n[key] += 1
            hit[key] += span in found
    return {k: f"{hit[k]}/{n[k]}" for k in sorted(n)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    cfg = VARIANTS[args.variant]
    shared = tn.shared_dir()
    ner_dir = shared / "data" / "il-ner-hindi" / "Datasets" / "Hindi"
    train = tn.read_conll(ner_dir / "Hindi-train.txt")
    dev = tn.read_conll(ner_dir / "Hindi-dev.txt")
    lex = Lexicon.from_bytes((REPO / "src" / "vaarta" / "resources" / "ner" / tn.LEXICON_FILE).read_bytes())
    ft, ft_secs = load_fasttext(shared, train + dev, args.cache) if cfg["ft"] else (None, 0.0)
    fit = train + dev if args.final else train
    evals = tn.read_conll(ner_dir / "Hindi-test.txt") if args.final else dev
    chars_count = Counter(c for toks, _ in fit for t in toks for c in normalise(t))
    chars = {c: i + 2 for i, (c, n) in enumerate(sorted(chars_count.items())) if n >= 2}
    word_count = Counter(normalise(t) for toks, _ in fit for t in toks)
    words = {w: i + 2 for i, w in enumerate(sorted(w for w, n in word_count.items() if n >= 2))}
    fz = Featurizer(ft, lex, chars, words)
    model = NeuralTagger(max(chars.values(), default=1) + 1, len(words) + 2, cfg)
    if cfg.get("tune") and ft is not None:  # start the trainable word vectors from fastText
        weight = model.disc[model.disc_cols.index(7)].weight.data
        for w, i in words.items():
            weight[i] = torch.from_numpy(np.asarray(ft.wv[w], dtype=np.float32))
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    # --cosine: learning rate annealed to 0 over --epochs, so the last epoch is the model
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs) if args.cosine else None
    lab_id = {lab: i for i, lab in enumerate(LABELS)}
    t0 = time.perf_counter()
    data = [(fz.sentence(toks), [lab_id[lab] for lab in labs]) for toks, labs in fit if toks]
    print(f"variant {args.variant}: {len(data):,} training sentences, features {time.perf_counter() - t0:.0f} s", flush=True)
    gold = [labs for _, labs in evals]
    history: list[dict[str, Any]] = []
    best: dict[str, Any] = {"f1": -1.0}
    t_train = 0.0
    for epoch in range(1, args.epochs + 1):
        t1 = time.perf_counter()
        model.train()
        # batches of similar length, in random order
        order = sorted(range(len(data)), key=lambda i: (len(data[i][1]), random.random()))
        batches = [order[s : s + BATCH] for s in range(0, len(order), BATCH)]
        random.shuffle(batches)
        total = 0.0
        for bids in batches:
            vecs, chars_t, disc, lengths, ys, mask = batch_tensors([data[i][0] for i in bids], [data[i][1] for i in bids])
            em = model.emissions(vecs, chars_t, disc, lengths)
            loss = model.loss(em, ys, mask)
            opt.zero_grad()
            (loss / len(bids)).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        if sched is not None:
            sched.step()
        t_train += time.perf_counter() - t1
        if args.final and epoch < args.epochs:
            print(f"epoch {epoch}: loss {total / len(data):.3f}, {t_train:.0f} s", flush=True)
            continue
        pred = tag_sentences(model, fz, [toks for toks, _ in evals])
        sc = tn.evaluate(gold, pred)["micro"]
        row = {
            "epoch": epoch,
            "loss": round(total / len(data), 4),
            "p": sc["p"],
            "r": sc["r"],
            "f1": sc["f1"],
            "train_s": round(t_train),
        }
        history.append(row)
        print(json.dumps(row), flush=True)
        if sc["f1"] > best["f1"]:
            best = dict(row)
        if t_train > args.max_minutes * 60:
            print("time budget reached", flush=True)
            break
    # tagging speed: a fresh feature cache (word vectors, incl. fastText subword composition), tokens -> labels
    fz.cache.clear()
    toks_eval = [toks for toks, _ in evals]
    t2 = time.perf_counter()
    pred = tag_sentences(model, fz, toks_eval)
    t_tag = time.perf_counter() - t2
    n_tok = sum(map(len, toks_eval))
    t3 = time.perf_counter()
    tag_sentences(model, fz, toks_eval)
    t_warm = time.perf_counter() - t3
    final = tn.evaluate(gold, pred)
    # the shipped CRF's fast path on the same sentences, same process, fresh tagger (for a relative speed)
    from vaarta.ner import Tagger

    crf = Tagger.load(REPO / "src" / "vaarta" / "resources" / "ner")
    t4 = time.perf_counter()
    crf.tag_many(toks_eval)
    t_crf = time.perf_counter() - t4
    result_seen = seen_recall(fit, evals, pred)
    n_params = sum(p.numel() for p in model.parameters())
    result = {
        "variant": args.variant,
        "ft": f"{FT_DIM}d/{FT_EPOCHS}ep",
        "seed": args.seed,
        "epochs": args.epochs,
        "cosine": args.cosine,
        "split": "test" if args.final else "dev",
        "fit_sentences": len(data),
        "best_epoch": best,
        "last": history[-1],
        "per_type": {k: v for k, v in final.items() if k != "micro"},
        "train_s": round(t_train),
        "fasttext_s": round(ft_secs),
        "tokens_per_s_cold": round(n_tok / t_tag),
        "tokens_per_s_warm": round(n_tok / t_warm),
        "crf_tokens_per_s_cold": round(n_tok / t_crf),
        "params": n_params,
        "recall_seen_unseen": result_seen,
    }
    if args.final:
        n_ann = len(tn.annotated_part(evals))
        result["annotated_part"] = tn.evaluate(gold[:n_ann], pred[:n_ann])["micro"]
    print("RESULT " + json.dumps(result), flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    global FT_DIM, FT_EPOCHS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="lex")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--max-minutes", type=float, default=20.0, help="stop after the epoch that passes this training time")
    ap.add_argument("--final", action="store_true", help="train on train + dev, score once on test")
    ap.add_argument("--ft-dim", type=int, default=FT_DIM, help="fastText vector size")
    ap.add_argument("--ft-epochs", type=int, default=FT_EPOCHS, help="fastText training epochs")
    ap.add_argument("--cosine", action="store_true", help="anneal the learning rate to 0 over --epochs")
    ap.add_argument("--seed", type=int, default=SEED, help="torch / batching seed (fastText keeps SEED)")
    ap.add_argument("--cache", type=Path, default=Path(os.environ.get("NER_EXP_CACHE", "/tmp/vaarta-ner-exp")))
    args = ap.parse_args(argv)
    FT_DIM, FT_EPOCHS = args.ft_dim, args.ft_epochs
    run(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
