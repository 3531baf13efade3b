"""Near-duplicate articles (syndicated copies) with MinHash and LSH.

``signature(text)`` turns an article into a MinHash of its word shingles over normalised
text; :class:`CopyIndex` finds, for a new article, an existing one with (nearly) the same
text. Which of two copies is the original is decided by a sort key the caller supplies
(e.g. ``(published, id)``), never by the order of arrival, so the answer for a set of
articles is the same whatever order they were ingested in.

Everything is deterministic (fixed seed, SHA-1 based hashing) and picklable. For storage,
``signature_values(text)`` gives plain ints and ``signature_from_values`` rebuilds the MinHash.

The thresholds below were measured on covid-hindi-news with synthetic edits and cross-outlet
same-day pairs (bench/bench_crossdoc.py --dedup; table in docs/crossdoc.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
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
# A pair is a copy when the shingle *containment* of the smaller text in the larger one
# (estimated from the MinHash Jaccard and the two shingle-set sizes) reaches this value.
# Containment, unlike Jaccard, survives an added footer or a dropped paragraph.
COPY_THRESHOLD = 0.6
# LSH recall floor: candidates are pairs with Jaccard above this; containment is checked
# after. Lower than COPY_THRESHOLD because a short copy of a long text has a low Jaccard.
LSH_THRESHOLD = 0.2
MIN_SHINGLES = 8  # texts with fewer shingles are never called copies (too little evidence)
# ---------------------------------------------------------------------------------------

_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")
# Spelling variation that outlets do not agree on and copy editors change freely.
# (joiners as in स्‍वास्‍थ्‍य, nukta: ज़ → ज, chandrabindu → anusvara, ॰ → .)
_FOLD = str.maketrans({**BASIC_FOLD, "\u0970": "."})


def normalise(text: str) -> list[str]:
    """Words of ``text`` after NFC, case, joiner, nukta and digit-grouping folding."""
    t = unicodedata.normalize("NFC", text).lower()
    t = unicodedata.normalize("NFD", t).translate(_FOLD)
    t = unicodedata.normalize("NFC", t)
    t = regex.sub(r"(?<=\d)[,.](?=\d)", "", t)  # 4,209 → 4209
    return _WORD.findall(t)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    words = normalise(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The fixed permutations (computed once per process: they depend only on SEED)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(sh: Iterable[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    m.update_batch([s.encode("utf-8") for s in sh])
    return m


def signature(text: str) -> MinHash:
    """The MinHash of ``text``'s word shingles."""
    return _minhash(shingles(text))


def signature_values(text: str) -> list[int]:
    """``signature(text)`` as plain ints (for a database column)."""
    return [int(v) for v in signature(text).hashvalues]


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
        sh = shingles(text)
        return self.add_signature(article_id, _minhash(sh), len(sh), key)

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
