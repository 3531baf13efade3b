"""Near-duplicate articles (syndicated copies) with MinHash and LSH.

``signature(text)`` turns an article into a MinHash of its word shingles over normalised
text; :class:`CopyIndex` finds, for a new article, an existing one with (nearly) the same
text. Which of two copies is the original is decided by a sort key the caller supplies
(e.g. ``(published, id)``), never by the order of arrival, so the answer for a set of
articles is the same whatever order they were ingested in.

Everything is deterministic (fixed seed, CRC-32 word hashes mixed per shingle) and picklable.
For storage, ``signature_values(text)`` gives plain ints and ``signature_from_values`` rebuilds
the MinHash. ``SIGNATURE_SCHEME`` names how signatures are computed; a store holding
signatures of another scheme re-signs them from the stored text (``vaarta.ingest``).

The thresholds below were measured on covid-hindi-news with synthetic edits and cross-outlet
same-day pairs (bench/bench_crossdoc.py --dedup; table in docs/crossdoc.md).
"""

from __future__ import annotations

import re
import threading
import unicodedata
import zlib
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

import regex
from datasketch import MinHash, MinHashLSH

from .translit import BASIC_FOLD

# ---------------------------------------------------------------------------------------
# Tunables (measured, docs/crossdoc.md "Copies"):
SHINGLE_WORDS = 3  # word n-gram size; 3 separated copies from same-topic articles best
NUM_PERM = 128  # MinHash permutations: ±0.04 standard error on Jaccard
SEED = 20200301  # fixed so signatures stored today compare with those computed tomorrow
SCHEME = "affine32"  # datasketch >= 2.0 hashing scheme, named so stored values stay comparable
# How a signature is made; stored with it. 1: datasketch's SHA-1 of each shingle's UTF-8 (up to
# 2026-11, ~1 µs a shingle in Python; ~1.3 ms an article in all); 2: CRC-32 of each word, the
# three of a shingle mixed in numpy, the MinHash in numpy (~0.5 ms an article). Measured with
# bench/bench_crossdoc.py dedup at COPY_THRESHOLD: scheme 1 P 1.000 R 0.996, scheme 2 P 0.999
# (one false copy in 3,085 non-copies) R 0.996.
SIGNATURE_SCHEME = 2
# A pair is a copy when the shingle *containment* of the smaller text in the larger one
# (estimated from the MinHash Jaccard and the two shingle-set sizes) reaches this value.
# Containment, unlike Jaccard, survives an added footer or a dropped paragraph.
COPY_THRESHOLD = 0.6
# LSH recall floor: candidates are pairs with Jaccard above this; containment is checked
# after. Lower than COPY_THRESHOLD because a short copy of a long text has a low Jaccard.
LSH_THRESHOLD = 0.2
MIN_SHINGLES = 8  # texts with fewer shingles are never called copies (too little evidence)
# ---------------------------------------------------------------------------------------

# Spelling variation that outlets do not agree on and copy editors change freely.
# (joiners as in स्‍वास्‍थ्‍य, nukta: ज़ → ज, chandrabindu → anusvara, ॰ → .)
_FOLD = {**BASIC_FOLD, "\u0970": "."}
_DIGIT_GROUP = re.compile(r"(?<=\d)[,.](?=\d)")  # 4,209 → 4209


@lru_cache(maxsize=1)
def _fold_table() -> list[int | str | None]:
    """``str.translate`` table over the Basic Multilingual Plane: the folds above, and every
    character that is not a letter, a combining mark or a decimal digit made a space (words
    are then what ``str.split`` gives; a character beyond the BMP is kept as it is)."""
    table: list[int | str | None] = [
        cp if unicodedata.category(chr(cp))[0] in "LM" or unicodedata.category(chr(cp)) == "Nd" else " " for cp in range(0x10000)
    ]
    for k, v in _FOLD.items():
        table[ord(k)] = v if v is None or regex.fullmatch(r"[\p{L}\p{M}\p{Nd}]+", v) else " "
    return table


def normalise(text: str) -> list[str]:
    """Words of ``text`` after case, joiner, nukta and digit-grouping folding (NFC words)."""
    t = text.lower()
    if "," in t or "." in t:
        t = _DIGIT_GROUP.sub("", t)
    t = unicodedata.normalize("NFD", t).translate(_fold_table())
    return unicodedata.normalize("NFC", t).split()


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    words = normalise(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


# Odd 64-bit constants (splitmix64 / murmur3 finaliser) for mixing word hashes into one shingle hash.
_MIX = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB)


def _word_hashes(words: Sequence[str]) -> Any:
    import numpy as np

    return np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))


def _mix(w: Any, k: int) -> Any:
    """32-bit hashes of the k-word windows of the word hashes ``w`` (a window shorter than
    ``k``, for a text of fewer words, is the whole of ``w``)."""
    n = max(len(w) - k + 1, 1)
    return _mix_columns([w[i : i + n] for i in range(min(k, len(w)))])


def _mix_columns(cols: Sequence[Any]) -> Any:
    """Row-wise hash of word-hash columns (column i holds the i-th word of every shingle)."""
    import numpy as np

    h = np.full(len(cols[0]), 0x2545F4914F6CDD1D, dtype=np.uint64)
    for i, c in enumerate(cols):  # in place: no temporary arrays (uint64 arithmetic wraps)
        h ^= c
        h *= np.uint64(_MIX[i % 3])
        h ^= h >> np.uint64(31)
    h ^= h >> np.uint64(29)
    h *= np.uint64(_MIX[1])
    h >>= np.uint64(32)
    return h


# Whitespace-separated chunks of text seen, with the CRC-32 of each word ``normalise`` makes of
# them (emptied when full). ``normalise`` is local to such a chunk: every step (lower-casing, even
# Greek final sigma; digit-group folding; NFD / NFC; the fold table) looks no further than the
# neighbouring characters, and white space is a starter with no canonical decomposition that the
# table makes a space. So the words of a text are those of its chunks, in order
# (tests/test_dedup.py checks it on awkward texts), and a chunk met again (most of them: news
# repeats its words) costs a dictionary look-up instead of folding and hashing it again.
_CHUNK_CACHE_MAX = 200_000


class _ChunkHashes(dict[str, tuple[int, ...]]):
    def __missing__(self, chunk: str) -> tuple[int, ...]:
        if len(self) >= _CHUNK_CACHE_MAX:
            self.clear()
        h = self[chunk] = tuple(map(zlib.crc32, map(str.encode, normalise(chunk))))
        return h


_CHUNKS = _ChunkHashes()


def text_word_hashes(text: str) -> Any:
    """``_word_hashes(normalise(text))``, read chunk by chunk from a cache (``_CHUNKS``)."""
    import numpy as np

    return np.fromiter(chain.from_iterable(map(_CHUNKS.__getitem__, text.split())), dtype=np.uint64)


def _sorted_unique(h: Any) -> Any:
    """``np.unique(h)`` (sorted distinct values) by a sort and a neighbour test: the same array,
    without ``np.unique``'s ~40 µs of overhead on an article's ~600 shingles."""
    import numpy as np

    s = np.sort(h)
    if len(s) < 2:
        return s
    keep = np.empty(len(s), dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


def shingle_hashes(text: str, k: int = SHINGLE_WORDS) -> Any:
    """The distinct 32-bit hashes of ``text``'s word shingles (a sorted numpy array): what
    the MinHash is made of; its length stands for the number of shingles."""
    import numpy as np

    w = text_word_hashes(text)
    if not len(w):
        return np.zeros(0, dtype=np.uint64)
    return _sorted_unique(_mix(w, k))


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The fixed permutations (computed once per process: they depend only on SEED)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def warm_up() -> None:
    """Build the fold table and the permutations now (otherwise at the first article)."""
    _fold_table()
    _permutations()


# MurmurHash3's 32-bit finaliser, as datasketch's "affine32" scheme pre-mixes each input hash.
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


def _minhash_values(hv: Any) -> Any:
    """MinHash values (uint32, one per permutation) of 32-bit shingle hashes: datasketch's
    ``update_batch`` under the "affine32" scheme, without a Python call per shingle."""
    import numpy as np

    a, b = _permutations()
    if not len(hv):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX32)
    h = hv.astype(np.uint32)  # a copy: worked on in place below (uint32 arithmetic wraps mod 2**32)
    h ^= h >> s1
    h *= m1
    h ^= h >> s2
    h *= m2
    h ^= h >> s3
    # one permutation a row: the minimum of each row is a value. The rows are written into a
    # buffer kept per thread (an article's table is ~300 KB: a fresh one each time cost page
    # faults, ~0.1 ms an article while the store shared the process's memory)
    if len(h) > _BUFFER_MAX:  # a long text: a table of its own (the buffer stays small)
        t = np.multiply.outer(a, h)
    else:
        buf = getattr(_BUFFER, "table", None)
        if buf is None:
            buf = _BUFFER.table = np.empty((NUM_PERM, _BUFFER_MAX), dtype=np.uint32)
        t = buf[:, : len(h)]
        np.multiply.outer(a, h, out=t)
    t += b[:, None]
    return t.min(axis=1)


_BUFFER = threading.local()
_BUFFER_MAX = 4096  # shingles (a 2 MB buffer)


def _minhash_of_hashes(hv: Any) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations(), hashvalues=_minhash_values(hv))


def _minhash(sh: Iterable[str]) -> MinHash:
    """The MinHash of a set of shingles (strings of words joined by single spaces), the same
    as :func:`signature` of the text they come from."""
    import numpy as np

    by_len: dict[int, list[str]] = {}
    for s in sh:
        by_len.setdefault(s.count(" ") + 1, []).append(s)
    parts = [np.zeros(0, dtype=np.uint64)]
    for k, group in by_len.items():
        w = _word_hashes(" ".join(group).split(" ")).reshape(-1, k)
        parts.append(_mix_columns([w[:, i] for i in range(k)]))
    return _minhash_of_hashes(np.unique(np.concatenate(parts)))


def signature(text: str) -> MinHash:
    """The MinHash of ``text``'s word shingles."""
    return _minhash_of_hashes(shingle_hashes(text))


def signature_values(text: str) -> list[int]:
    """``signature(text)`` as plain ints (for a database column)."""
    return [int(v) for v in signature(text).hashvalues]


def sized_signature(text: str) -> list[int]:
    """``[number of shingles, *signature values]``: what the store keeps for the copy finder."""
    hv = shingle_hashes(text)
    return [len(hv), *_minhash_values(hv).tolist()]


def signature_from_values(values: Sequence[int]) -> MinHash:
    import numpy as np

    return MinHash(num_perm=len(values), seed=SEED, scheme=SCHEME, hashvalues=np.array(values, dtype=np.uint64))


def containment(j: float, a: int, b: int) -> float:
    """Share of the smaller set inside the larger, from Jaccard ``j`` and sizes ``a``, ``b``."""
    if min(a, b) == 0:
        return 0.0
    inter = j * (a + b) / (1.0 + j)
    return min(1.0, inter / min(a, b))


def copy_score(text_a: str, text_b: str) -> float:
    """Exact shingle containment of the smaller text in the larger (for tests and tuning)."""
    a, b = shingles(text_a), shingles(text_b)
    if min(len(a), len(b)) == 0:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class _Entry:
    key: Any
    sig: MinHash
    size: int


@dataclass
class CopyIndex:
    """An LSH index of articles; ``add`` answers "is this a copy of one already seen?".

    ``duplicate_of(id)`` is the smallest-key article of ``id``'s group (articles linked by a
    chain of copies; None when that is ``id`` itself), so it does not depend on ingestion order; ``add``
    returns that value for the new article. Adding an article with a smaller key than an
    existing copy changes the existing copy's answer: ``duplicate_map()`` gives them all.
    """

    threshold: float = COPY_THRESHOLD
    lsh_threshold: float = LSH_THRESHOLD
    _lsh: MinHashLSH = field(init=False, repr=False)
    _entries: dict[str, _Entry] = field(default_factory=dict, repr=False)
    _copies: dict[str, set[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.lsh_threshold, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, article_id: str, text: str, key: Hashable | None = None) -> str | None:
        hv = shingle_hashes(text)
        return self.add_signature(article_id, _minhash_of_hashes(hv), len(hv), key)

    def add_signature(self, article_id: str, sig: MinHash, size: int, key: Any = None) -> str | None:
        """Add a stored signature (``signature_from_values``) with its shingle count."""
        if article_id in self._entries:
            return self.duplicate_of(article_id)
        key = (key, article_id) if key is not None else (article_id,)
        mine: set[str] = set()
        if size >= MIN_SHINGLES:
            for other in self._lsh.query(sig):
                e = self._entries[other]
                if containment(sig.jaccard(e.sig), size, e.size) >= self.threshold:
                    mine.add(other)
                    self._copies.setdefault(other, set()).add(article_id)
            self._lsh.insert(article_id, sig)
        self._entries[article_id] = _Entry(key, sig, size)
        self._copies[article_id] = mine
        return self.duplicate_of(article_id)

    def copies(self, article_id: str) -> frozenset[str]:
        """Articles judged (nearly) identical to ``article_id`` (not transitively)."""
        return frozenset(self._copies.get(article_id, ()))

    def group(self, article_id: str) -> frozenset[str]:
        """``article_id`` and every article linked to it by a chain of copies."""
        seen = {article_id}
        todo = [article_id]
        while todo:
            for other in self._copies.get(todo.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return frozenset(seen)

    def duplicate_of(self, article_id: str) -> str | None:
        if not self._copies.get(article_id):
            return None
        best = min(self.group(article_id), key=lambda i: self._entries[i].key)
        return None if best == article_id else best

    def duplicate_map(self) -> dict[str, str]:
        """``{id: duplicate_of}`` for every article that is a copy."""
        out = {}
        for aid in sorted(self._copies):
            d = self.duplicate_of(aid)
            if d is not None:
                out[aid] = d
        return out
