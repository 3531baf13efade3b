"""crfsuite's linear-chain CRF read into numpy, and Viterbi decoding of many sentences at once.

The tagger (``ner.py``) does not hand attribute strings to crfsuite: it reads the model
file's weights once (:func:`read_model`), sums the weights of the attributes of each
word (cached per word, ``ner_fast.py``) and decodes all sentences of a call together
(:func:`viterbi`), one numpy step per token position instead of one crfsuite call per
sentence. Scores are the ones crfsuite computes (state weight sums plus transition
weights, no normalisation); ties go to the lower label id, as in crfsuite.

Model file layout (crfsuite ``crf1d_model.c``): a 48-byte header (magic ``lCRF``, size,
type, version, num_features, num_labels, num_attrs, then the offsets of the feature
chunk, the label and attribute CQDB string tables and the two reference chunks); the
``FEAT`` chunk is a 12-byte header (id, size, count) followed by 20-byte records
(type: 0 state / 1 transition, source: attribute or label id, destination label id,
weight: float64).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

__all__ = ["CrfModel", "cqdb_strings", "model_attributes", "read_model", "viterbi"]

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])


def cqdb_strings(model: bytes, off: int, count: int) -> list[bytes] | None:
    """The ``count`` strings of the CQDB table at ``off``, by id; None if malformed."""
    try:
        if model[off : off + 4] != b"CQDB":
            return None
        _, _, _, _, bwd_size, bwd_off = struct.unpack_from("<4sIIIII", model, off)
        if bwd_size != count:
            return None
        names: list[bytes] = []
        for i, rec in enumerate(struct.unpack_from(f"<{bwd_size}I", model, off + bwd_off)):
            rid, size = struct.unpack_from("<iI", model, off + rec)
            if rid != i or size < 1:
                return None
            names.append(model[off + rec + 8 : off + rec + 7 + size])
        return names
    except struct.error:
        return None


def _header(model: bytes) -> tuple[int, ...] | None:
    try:
        h = struct.unpack_from("<4sI4s9I", model, 0)
    except struct.error:
        return None
    return None if h[0] != b"lCRF" else h[3:]


def model_attributes(model: bytes) -> frozenset[bytes] | None:
    """UTF-8 attribute strings of a crfsuite model (from its CQDB chunk); None if unreadable."""
    h = _header(model)
    if h is None:
        return None
    names = cqdb_strings(model, h[6], h[3])
    return None if names is None else frozenset(names)


@dataclass(frozen=True)
class CrfModel:
    """Weights of a crfsuite CRF: ``state[attribute id, label id]``, ``trans[from, to]``.

    ``state`` has one extra all-zero row at index ``len(attributes)`` (:attr:`zero`), used
    for attributes the model does not know.
    """

    labels: tuple[str, ...]
    attributes: dict[bytes, int]
    state: np.ndarray
    trans: np.ndarray

    @property
    def zero(self) -> int:
        return len(self.attributes)


def read_model(model: bytes) -> CrfModel:
    """Parse a crfsuite model file (bytes); ValueError if it is not one."""
    h = _header(model)
    if h is None:
        raise ValueError("not a crfsuite model (no lCRF header)")
    _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, _, _ = h
    labels = cqdb_strings(model, off_labels, n_labels)
    attrs = cqdb_strings(model, off_attrs, n_attrs)
    if labels is None or attrs is None or model[off_feat : off_feat + 4] != b"FEAT":
        raise ValueError("malformed crfsuite model")
    (n_feat,) = struct.unpack_from("<I", model, off_feat + 8)
    feats = np.frombuffer(model, dtype=_FEATURE, count=n_feat, offset=off_feat + 12)
    state = np.zeros((n_attrs + 1, n_labels), dtype=np.float64)
    trans = np.zeros((n_labels, n_labels), dtype=np.float64)
    st, tr = feats[feats["type"] == 0], feats[feats["type"] == 1]
    state[st["src"].astype(np.intp), st["dst"].astype(np.intp)] = st["w"]
    trans[tr["src"].astype(np.intp), tr["dst"].astype(np.intp)] = tr["w"]
    return CrfModel(
        labels=tuple(b.decode("utf-8") for b in labels),
        attributes={a: i for i, a in enumerate(attrs)},
        state=state,
        trans=trans,
    )


def viterbi(scores: np.ndarray, lengths: list[int], trans: np.ndarray) -> list[list[int]]:
    """Best label ids of each sentence.

    ``scores`` holds the state scores of all sentences' tokens one after another
    (``sum(lengths)`` rows, one column per label). Sentences are decoded together, longest
    first, one vectorised step per token position.

    Forward scores are kept label-major (``[label, sentence]``), so that the max over the
    previous label is a reduction over the outermost axis (several times cheaper in numpy
    than over a middle one). Back-pointers are not stored: backtracking recomputes, for
    the chosen label only, the sums the forward step compared (the same additions, so the
    same ties, to the lower label id as in crfsuite).
    """
    k = len(lengths)
    if k == 0:
        return []
    if k == 1:
        return [_viterbi_one(scores, trans)]
    order = sorted(range(k), key=lambda s: -lengths[s])
    lens = [lengths[s] for s in order]
    longest = lens[0]
    if longest == 0:
        return [[] for _ in range(k)]
    start = [0] * k
    for s in range(1, k):
        start[s] = start[s - 1] + lengths[s - 1]
    n_lab = trans.shape[0]
    # emit[t][label, rank]: scores of token t of the rank-th longest sentence (zeros past its end)
    pos = np.arange(longest, dtype=np.intp)[:, None]
    lens_a = np.array(lens, dtype=np.intp)
    idx = np.where(pos < lens_a, np.array([start[s] for s in order], dtype=np.intp) + pos, len(scores))
    padded = np.zeros((len(scores) + 1, n_lab), dtype=np.float64)
    padded[:-1] = scores
    emit = list(padded[idx].transpose(0, 2, 1))
    # active[t]: how many sentences have a token at position t (they are the first ones)
    active = [0] * (longest + 1)
    for n in lens:
        if n:
            active[n - 1] += 1
    for t in range(longest - 2, -1, -1):
        active[t] += active[t + 1]
    trans_from = trans[:, :, None]  # [from, to, 1]
    trans_to = np.ascontiguousarray(trans.T)  # [to, from]
    delta = emit[0][:, : active[0]]
    deltas = [delta]
    best = np.maximum.reduce
    for t in range(1, longest):
        m = active[t]
        delta = best(delta[:, None, :m] + trans_from, axis=0)
        delta += emit[t][:, :m]
        deltas.append(delta)
    # best last label of each sentence: from the forward scores of its last token
    final = np.empty((k, n_lab), dtype=np.float64)
    for t in range(longest):
        lo, hi = active[t + 1], active[t]
        if hi > lo:
            final[lo:hi] = deltas[t][:, lo:hi].T
    last = final.argmax(axis=1)
    paths = np.zeros((k, longest), dtype=np.intp)
    cur = last[: active[longest - 1]]
    paths[: len(cur), longest - 1] = cur
    for t in range(longest - 1, 0, -1):
        cur = (deltas[t - 1][:, : len(cur)].T + trans_to[cur]).argmax(axis=1)
        m = active[t - 1]
        if m > len(cur):  # sentences whose last token is t - 1
            cur = np.concatenate([cur, last[len(cur) : m]])
        paths[:m, t - 1] = cur
    rows = paths.tolist()
    out: list[list[int]] = [[] for _ in range(k)]
    for rank, s in enumerate(order):
        out[s] = rows[rank][: lens[rank]]
    return out


def _viterbi_one(scores: np.ndarray, trans: np.ndarray) -> list[int]:
    """:func:`viterbi` of a single sentence (fewer numpy calls per step)."""
    n = len(scores)
    if n == 0:
        return []
    delta = scores[0]
    back = []
    for t in range(1, n):
        cand = delta[:, None] + trans  # [from, to]
        back.append(cand.argmax(axis=0))
        delta = cand.max(axis=0) + scores[t]
    y = int(delta.argmax())
    path = [y]
    for b in reversed(np.array(back).tolist() if back else []):
        y = b[y]
        path.append(y)
    path.reverse()
    return path
