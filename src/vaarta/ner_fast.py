"""The tagger's fast path: the attributes of :func:`vaarta.ner_features.sentence_features`,
built from per-word caches and scored with the model's weights in numpy.

Everything that depends on one word only (its own features, its features as a ±1 / ±2
neighbour, postposition / cue flags) is computed once per distinct token; the weights of
those attributes are summed into one score vector per role and kept in a row of a
per-tagger array (``_Featurizer.vec``). A sentence's state scores are then a few
vectorised gathers over those rows, plus the few attributes that depend on position
(place-name marks, BOS/EOS, organisation heads ahead, word bigrams). Attributes the model
has no weights for are dropped (crfsuite ignores them too).

Summing per word changes the order of floating-point additions against crfsuite's own
(attribute by attribute), so scores may differ in the last bits; labels were identical on
every sentence checked (``bench/bench_ner.py``, ``tests/test_ner.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .ner_crf import CrfModel
from .ner_features import (
    _ACRONYM,
    ORG_HEADS,
    PERSON_CUES,
    PLACE_CUES,
    POSTPOSITIONS,
    Lexicon,
    normalise,
    shape,
)

__all__ = ["CACHE_MAX_WORDS", "Featurizer"]

# Distinct tokens kept per tagger before the cache is emptied (each ~0.8 kB: a 9 x 7 float64
# score block and a small record). Measured: 638 covid-hindi-news articles hold ~40k distinct tokens.
CACHE_MAX_WORDS = 30_000

_B, _I, _O = 0, 1, 2  # place marks as indexes
_NONE = 3  # no next word (position index into the +1place table)
# score rows per word: own features with place mark B / I / O, as the word 2 before / 1 before /
# 1 after / 2 after the token being described, next_post (for the word before), cues (for the word after)
_ROLES = 9
_R_NB = 3  # first neighbour role
_R_POST, _R_CUE = 7, 8


class _Word:
    """One cached token: its score row and what position-dependent features need."""

    __slots__ = ("bl1", "bl2", "br1", "br2", "key", "org_head", "place_start", "row")

    key: str  # normalised word
    row: int  # its block in Featurizer.vec
    bl1: bool  # may be the left / right word of a known "w|+1=" bigram
    br1: bool
    bl2: bool  # may be the left / right word of a known "-1|w=" bigram
    br2: bool
    org_head: bool
    place_start: bool


def _bigram_sides(keep: dict[str, int], prefix: str) -> tuple[frozenset[str], frozenset[str]]:
    """Every possible left and right part of the known ``prefix + left + b"|" + right`` attributes."""
    left: set[str] = set()
    right: set[str] = set()
    for a in keep:
        if a.startswith(prefix):
            body = a[len(prefix) :]
            pos = body.find("|")
            while pos >= 0:
                left.add(body[:pos])
                right.add(body[pos + 1 :])
                pos = body.find("|", pos + 1)
    return frozenset(left), frozenset(right)


_PREFIXES = ("", "-2", "-1", "+1", "+2")  # a word's own features, then as the word at -2 .. +2


class _Tables:
    """The model's attribute ids by feature family and value (``suf3`` -> ``{"ाना": 17, …}``),
    per prefix of ``_PREFIXES`` where the family has one; ``None`` where the model lacks it."""

    def __init__(self, ids: dict[str, int]) -> None:
        fam: dict[str, dict[str, int]] = {}
        for a, i in ids.items():
            f, eq, v = a.partition("=")
            if eq:
                fam.setdefault(f, {})[v] = i

        def tab(name: str) -> dict[str, int]:
            return fam.get(name, {})

        self.w = [tab(p + "w") for p in _PREFIXES]
        self.c = [[tab(f"{p}c{lvl}") for lvl in range(3)] for p in _PREFIXES]
        self.unk = [tab(p + "c").get("unk") for p in _PREFIXES]
        self.name = [tab(p + "name") for p in _PREFIXES]
        self.shape = [tab(p + "shape") for p in _PREFIXES]
        self.suf3 = [tab(p + "suf3") for p in _PREFIXES]
        self.suf = {k: tab(f"suf{k}") for k in (1, 2, 3, 4)}
        self.pre = {k: tab(f"pre{k}") for k in (2, 3)}
        self.len_ = {int(v): i for v, i in tab("len").items()}
        self.fq = {int(v): i for v, i in tab("fq").items()}
        self.bias = ids.get("bias")
        self.acronym = ids.get("acronym")
        self.org_head = ids.get("org_head")
        self.next_post = ids.get("next_post")
        self.person_cue = ids.get("prev_person_cue")
        self.place_cue = ids.get("prev_place_cue")


class Featurizer:
    """State scores of sentences under ``model``, with a bounded per-word cache.

    A token's scores are the sums of the model's weights of its ``sentence_features``
    attributes. Tokens that are empty or only white space are read as ``_``.
    """

    def __init__(self, lex: Lexicon, model: CrfModel, max_words: int = CACHE_MAX_WORDS) -> None:
        self.lex = lex
        self.model = model
        # attribute name -> row of model.state
        self.ids: dict[str, int] = {a.decode("utf-8"): i for a, i in model.attributes.items()}
        self.zero = model.zero
        self.max_words = max_words
        self.cache: dict[str, _Word] = {}
        n_lab = len(model.labels)
        self.vec = np.zeros((256, _ROLES, n_lab), dtype=np.float64)  # row 0: the padding word
        self.used = 1
        self.sides = (*_bigram_sides(self.ids, "w|+1="), *_bigram_sides(self.ids, "-1|w="))
        self.tab = _Tables(self.ids)

        def aid(name: str) -> int:
            return self.ids.get(name, self.zero)

        self.a_place = [[i for i in (self.ids.get(f"place={m}"),) if i is not None] for m in "BIO"]
        self.a_bos, self.a_eos = aid("BOS"), aid("EOS")
        self.a_org_at = [aid(f"org_head_at+{d}") for d in (1, 2, 3)]
        # +1place=B/I/O and, for the last token, nothing
        self.next_place = np.vstack([model.state[[aid(f"+1place={m}") for m in "BIO"]], np.zeros((1, n_lab))])
        self.pad = _Word()
        pad = self.pad
        pad.key, pad.row = "", 0
        pad.bl1 = pad.br1 = pad.bl2 = pad.br2 = pad.org_head = pad.place_start = False

    # --- per word -------------------------------------------------------------
    def _role_ids(self, tok: str, key: str) -> list[list[int]]:
        """Known attribute ids of the word per role (see ``_ROLES``), each list starting with
        the all-zero row, in the order of ``sentence_features`` (so that the sums are the
        same to the last bit). Looked up in per-family tables: no attribute string is built."""
        z = self.zero
        t = self.tab
        shp = shape(tok)
        n = len(key)
        cl = self.lex.clusters.get(key)
        cls = None if cl is None else [str(c) for c in cl]
        name = self.lex.names.get(key, "-")
        out: list[list[int]] = []
        # own features (word_feats("", key, True) then affixes and frequency)
        own = [z]
        for i in (t.bias, t.shape[0].get(shp), t.len_.get(min(n, 8)), t.w[0].get(key)):
            if i is not None:
                own.append(i)
        self._clusters(own, 0, cls, 3)
        i = t.name[0].get(name)
        if i is not None:
            own.append(i)
        for k in (1, 2, 3, 4):
            if n > k and (i := t.suf[k].get(key[-k:])) is not None:
                own.append(i)
        for k in (2, 3):
            if n > k and (i := t.pre[k].get(key[:k])) is not None:
                own.append(i)
        i = t.fq.get(self.lex.freq.get(key, -1))
        if i is not None:
            own.append(i)
        flags = []
        if t.acronym is not None and _ACRONYM.match(tok):
            flags.append(t.acronym)
        if t.org_head is not None and key in ORG_HEADS:
            flags.append(t.org_head)
        out.extend(own + pl + flags for pl in self.a_place)
        # as the word at -2 / -1 / +1 / +2 (word_feats with the prefix; at +-1 all of it plus
        # shape and suf3, at +-2 w= and two cluster levels)
        suf3 = key[-3:]
        for p in (1, 2, 3, 4):  # index into the prefix tables: -2, -1, +1, +2
            ids = [z]
            i = t.w[p].get(key)
            if i is not None:
                ids.append(i)
            if p in (2, 3):
                self._clusters(ids, p, cls, 3)
                for i in (t.name[p].get(name), t.shape[p].get(shp), t.suf3[p].get(suf3)):
                    if i is not None:
                        ids.append(i)
            else:
                self._clusters(ids, p, cls, 2)
            out.append(ids)
        out.append([z, t.next_post] if t.next_post is not None and key in POSTPOSITIONS else [z])
        cue = [z]
        if t.person_cue is not None and key in PERSON_CUES:
            cue.append(t.person_cue)
        if t.place_cue is not None and key in PLACE_CUES:
            cue.append(t.place_cue)
        out.append(cue)
        return out

    def _clusters(self, ids: list[int], p: int, cls: list[str] | None, levels: int) -> None:
        """Append the ids of ``c0=``.. (or ``c=unk``) with prefix number ``p``."""
        t = self.tab
        if cls is None:
            i = t.unk[p]
            if i is not None:
                ids.append(i)
            return
        for lvl, c in enumerate(cls[:levels]):
            i = t.c[p][lvl].get(c)
            if i is not None:
                ids.append(i)

    def word(self, tok: str) -> _Word:
        w = self.cache.get(tok)
        if w is None:
            self._add_words([tok])
            w = self.cache[tok]
        return w

    def _add_words(self, toks: Sequence[str]) -> None:
        """Cache the distinct new ``toks``: their score blocks summed in one numpy call."""
        flat: list[int] = []
        offsets: list[int] = []
        new: list[_Word] = []
        l1, r1, l2, r2 = self.sides
        place_first = self.lex.place_first
        for tok in toks:
            t = tok if tok.strip() else "_"
            key = normalise(t)
            for ids in self._role_ids(t, key):  # every role starts with the zero row: none is empty
                offsets.append(len(flat))
                flat.extend(ids)
            w = _Word()
            w.key = key
            w.org_head = key in ORG_HEADS
            w.bl1, w.br1, w.bl2, w.br2 = key in l1, key in r1, key in l2, key in r2
            w.place_start = key.partition(" ")[0] in place_first
            new.append(w)
        if not new:
            return
        need = self.used + len(new)
        if need > len(self.vec):
            grown = np.zeros((max(need, 2 * len(self.vec)), *self.vec.shape[1:]), dtype=self.vec.dtype)
            grown[: self.used] = self.vec[: self.used]
            self.vec = grown
        n_lab = self.vec.shape[2]
        self.vec[self.used : need] = np.add.reduceat(self.model.state[flat], offsets, axis=0).reshape(len(new), _ROLES, n_lab)
        for row, (tok, w) in enumerate(zip(toks, new, strict=True), start=self.used):
            w.row = row
            self.cache[tok] = w
        self.used = need

    def _clear(self) -> None:
        self.cache.clear()
        self.used = 1

    # --- per sentence ---------------------------------------------------------
    def _place_tags(self, words: Sequence[_Word]) -> list[int]:
        """``Lexicon.place_tags`` over the words' keys (as indexes), trying only possible starts."""
        lex = self.lex
        n = len(words)
        out = [_O] * n
        nxt = 0  # words before this one are inside a place already found
        for i in [i for i, w in enumerate(words) if w.place_start]:  # few words can start a place name
            if i < nxt:
                continue
            for m in range(min(lex.max_place_len, n - i), 0, -1):
                if " ".join(w.key for w in words[i : i + m]) in lex.places:
                    out[i : i + m] = [_B] + [_I] * (m - 1)
                    nxt = i + m
                    break
        return out

    def scores(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, list[int]]:
        """State scores of all tokens of all sentences (rows in order) and the sentence lengths."""
        if len(self.cache) >= self.max_words:
            self._clear()  # only between calls: rows collected below stay valid
        cache, pad, ids = self.cache, self.pad, self.ids
        # every new word of the call first, in one batch (one numpy sum for all of them)
        fresh = {t: None for toks in sentences for t in toks if t not in cache}
        if fresh:
            self._add_words(list(fresh))
        rows = [0, 0]  # score rows of the words, two padding words around each sentence
        at: list[int] = []  # index in rows of each token
        marks: list[int] = []  # its place mark
        nxt_marks: list[int] = []  # the next token's place mark, or _NONE
        ex_tok: list[int] = []  # (token, attribute) of position-dependent attributes
        ex_att: list[int] = []
        lengths: list[int] = []
        for toks in sentences:
            words = [cache[t] for t in toks]
            n = len(words)
            lengths.append(n)
            if not n:
                continue
            t0, r0 = len(at), len(rows)
            place = self._place_tags(words)
            rows.extend([w.row for w in words])
            rows.extend((0, 0))
            at.extend(range(r0, r0 + n))
            marks.extend(place)
            nxt_marks.extend(place[1:])
            nxt_marks.append(_NONE)
            ex_tok.append(t0)
            ex_att.append(self.a_bos)
            ex_tok.append(t0 + n - 1)
            ex_att.append(self.a_eos)
            if any(w.org_head for w in words):
                for i in range(n):
                    for d in (1, 2, 3):
                        if i + d < n and words[i + d].org_head:
                            ex_tok.append(t0 + i)
                            ex_att.append(self.a_org_at[d - 1])
                            break
            # word bigrams: only where the word may be the left of "w|+1=" or the right of "-1|w="
            # (the attributes are appended in token order, as np.add.at sums them in that order)
            for i in [i for i, w in enumerate(words) if w.bl1 or w.br2]:
                w = words[i]
                if w.bl1:
                    nx = words[i + 1] if i + 1 < n else pad
                    if nx.br1:
                        a = ids.get(f"w|+1={w.key}|{nx.key}")
                        if a is not None:
                            ex_tok.append(t0 + i)
                            ex_att.append(a)
                if w.br2:
                    prev = words[i - 1] if i else pad
                    if prev.bl2:
                        a = ids.get(f"-1|w={prev.key}|{w.key}")
                        if a is not None:
                            ex_tok.append(t0 + i)
                            ex_att.append(a)
        n_lab = len(self.model.labels)
        if not at:
            return np.zeros((0, n_lab)), lengths
        vec = self.vec
        r = np.array(rows, dtype=np.intp)
        p = np.array(at, dtype=np.intp)
        here, before, after = r[p], r[p - 1], r[p + 1]
        s = vec[here, np.array(marks, dtype=np.intp)]
        s += vec[r[p - 2], _R_NB]
        s += vec[before, _R_NB + 1]
        s += vec[after, _R_NB + 2]
        s += vec[r[p + 2], _R_NB + 3]
        s += vec[after, _R_POST]
        s += vec[before, _R_CUE]
        s += self.next_place[np.array(nxt_marks, dtype=np.intp)]
        np.add.at(s, np.array(ex_tok, dtype=np.intp), self.model.state[np.array(ex_att, dtype=np.intp)])
        return s, lengths
