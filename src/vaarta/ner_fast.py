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
from itertools import chain

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


# per-row flags (Featurizer.flags): what the position-dependent attributes need of a word
_F_ORG = 1  # an organisation head word
_F_PLACE = 2  # may start a place name
_F_BL1, _F_BR1 = 4, 8  # may be the left / right word of a known "w|+1=" bigram
_F_BL2, _F_BR2 = 16, 32  # may be the left / right word of a known "-1|w=" bigram


def _bigrams(keep: dict[str, int], prefix: str) -> dict[tuple[str, str], int]:
    """The known ``prefix + left + "|" + right`` attributes by ``(left, right)``, for every
    split at a ``|`` (a word may hold one): the same ids as formatting the string and looking
    it up, without building a string per pair."""
    out: dict[tuple[str, str], int] = {}
    for a, i in keep.items():
        if a.startswith(prefix):
            body = a[len(prefix) :]
            pos = body.find("|")
            while pos >= 0:
                out[body[:pos], body[pos + 1 :]] = i
                pos = body.find("|", pos + 1)
    return out


def _sides(pairs: dict[tuple[str, str], int]) -> tuple[frozenset[str], frozenset[str]]:
    """Every possible left and right part of the known bigrams."""
    return frozenset(a for a, _ in pairs), frozenset(b for _, b in pairs)


_PREFIXES = ("", "-2", "-1", "+1", "+2")  # a word's own features, then as the word at -2 .. +2
_LEVELS = (3, 2, 3, 3, 2)  # cluster levels per prefix
_NO_IDS: tuple[int | None, ...] = (None,) * len(_PREFIXES)
_NO_SUF3: tuple[int | None, int | None, int | None] = (None, None, None)
_K_ORG, _K_POST, _K_PERSON, _K_PLACE = 1, 2, 4, 8  # a word is an org head / a postposition / a person / a place cue


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
        self.cache: dict[str, int] = {}  # token -> its row in vec, keys and flags
        n_lab = len(model.labels)
        self.vec = np.zeros((256, _ROLES, n_lab), dtype=np.float64)  # row 0: the padding word
        self.keys: list[str] = [""]  # normalised word of each row
        self.flags = np.zeros(256, dtype=np.uint8)  # _F_* bits of each row (none for the padding word)
        self.spaced = False  # some cached key holds a space (place matching then tries every length)
        self.used = 1
        self.bigram1, self.bigram2 = _bigrams(self.ids, "w|+1="), _bigrams(self.ids, "-1|w=")
        self.sides = (*_sides(self.bigram1), *_sides(self.bigram2))
        self.tab = _Tables(self.ids)

        def aid(name: str) -> int:
            return self.ids.get(name, self.zero)

        # the weights of place=B / I / O (zero where the model lacks one): added to a word's own row
        self.place_rows = np.vstack([model.state[aid(f"place={m}")] for m in "BIO"])
        self.a_bos, self.a_eos = aid("BOS"), aid("EOS")
        self.a_org_at = [aid(f"org_head_at+{d}") for d in (1, 2, 3)]
        # +1place=B/I/O and, for the last token, nothing
        self.a_org = np.array(self.a_org_at, dtype=np.intp)
        self._bias = self._known([self.tab.bias])
        # per shape and name part: the ids that depend on them only (few distinct values)
        self._by_shape_name: dict[tuple[str, str], tuple[tuple[int, ...], ...]] = {}
        # cluster value (as text) at each level -> its c<level>= id per prefix (None where the
        # model lacks it); a word without clusters reads c=unk as its level 0
        n_pre = len(_PREFIXES)
        self._by_level = [
            {v: tuple(self.tab.c[p][lvl].get(v) for p in range(n_pre)) for p in range(n_pre) for v in self.tab.c[p][lvl]}
            for lvl in range(3)
        ]
        self._unk_rows = (tuple(self.tab.unk), _NO_IDS, _NO_IDS)
        t = self.tab
        # suffix of 3 -> its suf3= ids (own, at -1, at +1)
        self._suf3 = {k: (t.suf[3].get(k), t.suf3[2].get(k), t.suf3[3].get(k)) for k in {*t.suf[3], *t.suf3[2], *t.suf3[3]}}
        # normalised word -> _K_* bits (the word lists the features test)
        self._key_bits: dict[str, int] = {}
        for bit, words in ((_K_ORG, ORG_HEADS), (_K_POST, POSTPOSITIONS), (_K_PERSON, PERSON_CUES), (_K_PLACE, PLACE_CUES)):
            for w in words:
                self._key_bits[w] = self._key_bits.get(w, 0) | bit
        self.next_place = np.vstack([model.state[[aid(f"+1place={m}") for m in "BIO"]], np.zeros((1, n_lab))])
        # place names by first word: their lengths in words, longest first
        by_first: dict[str, set[int]] = {}
        for place in lex.places:
            by_first.setdefault(place.partition(" ")[0], set()).add(place.count(" ") + 1)
        self.place_lens = {f: sorted(ns, reverse=True) for f, ns in by_first.items()}

    # --- per word -------------------------------------------------------------
    def _shape_name(self, shp: str, name: str) -> tuple[tuple[int, ...], ...]:
        """The ids of a word that depend only on its shape and name part: own features before
        ``len=``/``w=`` (zero row, bias, shape), own name, and name and shape at -1 / +1."""
        t = self.tab
        sh = [self._known([tab.get(shp)]) for tab in t.shape]
        nm = [self._known([tab.get(name)]) for tab in t.name]
        return ((self.zero, *self._bias, *sh[0]), tuple(nm[0]), (*nm[2], *sh[2]), (*nm[3], *sh[3]))

    @staticmethod
    def _known(ids: list[int | None]) -> list[int]:
        return [i for i in ids if i is not None]

    def _add_words(self, toks: Sequence[str]) -> None:
        """Cache the distinct new ``toks``: their score blocks summed in one numpy call.

        A word's known attribute ids are laid out per role (see ``_ROLES``), each role's run
        starting with the all-zero row, in the order of ``sentence_features``; the three
        own-feature roles are one run (own features and flags, without the place mark: each
        mark's row is added to the sum below). That sums in another order than crfsuite (last
        bits of ~10% of words differ); labels were checked identical (docs/ner.md "Speed").
        Looked up in per-family tables: no attribute string is built; the ids that depend only
        on the word's shape and name part once per distinct pair (``_shape_name``), the
        cluster ids per level value (``_by_level``)."""
        flat: list[int] = []
        offsets: list[int] = []
        keys: list[str] = []
        flags: list[int] = []
        l1, r1, l2, r2 = self.sides
        place_first = self.lex.place_first
        clusters, names, freq = self.lex.clusters, self.lex.names, self.lex.freq
        suf3s, key_bits = self._suf3, self._key_bits
        by_shape_name = self._by_shape_name
        lvl0, lvl1, lvl2 = self._by_level
        unk_rows = self._unk_rows
        t = self.tab
        z = self.zero
        len_, fqs = t.len_, t.fq
        w0s, w1s, w2s, w3s, w4s = t.w
        s1, s2, s4 = t.suf[1], t.suf[2], t.suf[4]
        p2, p3 = t.pre[2], t.pre[3]
        acronym, org_head, next_post = t.acronym, t.org_head, t.next_post
        person_cue, place_cue = t.person_cue, t.place_cue
        add, more, mark = flat.append, flat.extend, offsets.append
        for tok in toks:
            tx = tok if tok.strip() else "_"
            key = normalise(tx)
            n = len(key)
            cl, name = clusters.get(key), names.get(key, "-")
            shp = shape(tx)
            sn = by_shape_name.get((shp, name))
            if sn is None:
                sn = by_shape_name[shp, name] = self._shape_name(shp, name)
            head, nm0, ns2, ns3 = sn
            # c<level>= ids per prefix, one row per level (c0..c2; c=unk without clusters)
            if cl is None:
                c0, c1, c2 = unk_rows
            else:
                m = len(cl)
                c0 = lvl0.get(str(cl[0]), _NO_IDS) if m > 0 else _NO_IDS
                c1 = lvl1.get(str(cl[1]), _NO_IDS) if m > 1 else _NO_IDS
                c2 = lvl2.get(str(cl[2]), _NO_IDS) if m > 2 else _NO_IDS
            suf3 = key[-3:]
            s3, s3_2, s3_3 = suf3s.get(suf3, _NO_SUF3)
            kb = key_bits.get(key, 0)
            # own features (word_feats("", key, True) then affixes, frequency and flags)
            mark(len(flat))
            more(head)
            if (i := len_.get(min(n, 8))) is not None:
                add(i)
            if (i := w0s.get(key)) is not None:
                add(i)
            for i in (c0[0], c1[0], c2[0]):
                if i is not None:
                    add(i)
            more(nm0)
            if n > 1 and (i := s1.get(key[-1:])) is not None:
                add(i)
            if n > 2 and (i := s2.get(key[-2:])) is not None:
                add(i)
            if n > 3 and s3 is not None:
                add(s3)
            if n > 4 and (i := s4.get(key[-4:])) is not None:
                add(i)
            if n > 2 and (i := p2.get(key[:2])) is not None:
                add(i)
            if n > 3 and (i := p3.get(key[:3])) is not None:
                add(i)
            if (i := fqs.get(freq.get(key, -1))) is not None:
                add(i)
            if acronym is not None and _ACRONYM.match(tx):
                add(acronym)
            if org_head is not None and kb & _K_ORG:
                add(org_head)
            # as the word at -2 / -1 / +1 / +2 (word_feats with the prefix; at +-1 all of it
            # plus shape and suf3, at +-2 w= and two cluster levels)
            mark(len(flat))
            add(z)
            if (i := w1s.get(key)) is not None:
                add(i)
            if (i := c0[1]) is not None:
                add(i)
            if (i := c1[1]) is not None:
                add(i)
            mark(len(flat))
            add(z)
            if (i := w2s.get(key)) is not None:
                add(i)
            for i in (c0[2], c1[2], c2[2]):
                if i is not None:
                    add(i)
            more(ns2)
            if s3_2 is not None:
                add(s3_2)
            mark(len(flat))
            add(z)
            if (i := w3s.get(key)) is not None:
                add(i)
            for i in (c0[3], c1[3], c2[3]):
                if i is not None:
                    add(i)
            more(ns3)
            if s3_3 is not None:
                add(s3_3)
            mark(len(flat))
            add(z)
            if (i := w4s.get(key)) is not None:
                add(i)
            if (i := c0[4]) is not None:
                add(i)
            if (i := c1[4]) is not None:
                add(i)
            # next_post (for the word before), cues (for the word after)
            mark(len(flat))
            add(z)
            if next_post is not None and kb & _K_POST:
                add(next_post)
            mark(len(flat))
            add(z)
            if person_cue is not None and kb & _K_PERSON:
                add(person_cue)
            if place_cue is not None and kb & _K_PLACE:
                add(place_cue)
            keys.append(key)
            flags.append(
                (kb & _K_ORG and _F_ORG)
                | (key.partition(" ")[0] in place_first and _F_PLACE)
                | (key in l1 and _F_BL1)
                | (key in r1 and _F_BR1)
                | (key in l2 and _F_BL2)
                | (key in r2 and _F_BR2)
            )
            if " " in key:
                self.spaced = True
        if not keys:
            return
        need = self.used + len(keys)
        if need > len(self.vec):
            size = max(need, 2 * len(self.vec))
            grown = np.zeros((size, *self.vec.shape[1:]), dtype=self.vec.dtype)
            grown[: self.used] = self.vec[: self.used]
            self.vec = grown
            fl = np.zeros(size, dtype=np.uint8)
            fl[: self.used] = self.flags[: self.used]
            self.flags = fl
        n_lab = self.vec.shape[2]
        block = np.add.reduceat(self.model.state[flat], offsets, axis=0).reshape(len(keys), _ROLES - 2, n_lab)
        vec = self.vec[self.used : need]
        np.add(block[:, :1], self.place_rows, out=vec[:, :3])  # own features with place mark B / I / O
        vec[:, 3:] = block[:, 1:]
        self.flags[self.used : need] = flags
        self.keys.extend(keys)
        self.cache.update(zip(toks, range(self.used, need), strict=True))
        self.used = need

    def _clear(self) -> None:
        self.cache.clear()
        del self.keys[1:]
        self.spaced = False
        self.used = 1

    # --- per sentence ---------------------------------------------------------
    def _place_marks(self, rows: list[int], cand: list[int], ends: list[int], n: int) -> np.ndarray:
        """``Lexicon.place_tags`` over the keys of ``rows`` (as indexes), sentence by sentence:
        ``cand`` are the tokens that may start a place name (few), ``ends`` the ends of their
        sentences. Tries only the lengths of the place names with that first word, longest
        first (every length when some key holds a space), so the matches are the same."""
        keys, places, lens = self.keys, self.lex.places, self.place_lens
        max_len = self.lex.max_place_len
        out = np.full(n, _O, dtype=np.intp)
        nxt = 0  # tokens before this one are inside a place already found
        for i, end in zip(cand, ends, strict=True):
            if i < nxt:
                continue
            room = min(max_len, end - i)
            first = keys[rows[i]]
            tries = range(room, 0, -1) if self.spaced else lens.get(first.partition(" ")[0], ())
            for m in tries:
                if m > room:
                    continue
                if (first if m == 1 else " ".join([keys[r] for r in rows[i : i + m]])) in places:
                    out[i] = _B
                    out[i + 1 : i + m] = _I
                    nxt = i + m
                    break
        return out

    def scores(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, list[int]]:
        """State scores of all tokens of all sentences (rows in order) and the sentence lengths.

        All tokens of the call are handled as one flat array: the sentences are laid out with
        padding words (row 0, all-zero scores, no flags) between them, so that a token's
        neighbours are a shifted gather; the position-dependent attributes are added per
        family in the order ``sentence_features`` lists them (BOS, EOS, organisation head
        ahead, then the two bigrams), which is the order of the additions per token."""
        if len(self.cache) >= self.max_words:
            self._clear()  # only between calls: rows collected below stay valid
        cache = self.cache
        lengths = list(map(len, sentences))
        flat = list(chain.from_iterable(sentences))
        try:
            rows = list(map(cache.__getitem__, flat))
        except KeyError:  # every new word of the call first, in one batch (one numpy sum)
            self._add_words([t for t in dict.fromkeys(flat) if t not in cache])
            rows = list(map(cache.__getitem__, flat))
        n = len(flat)
        state = self.model.state
        n_lab = state.shape[1]
        if not n:
            return np.zeros((0, n_lab)), lengths
        k = len(lengths)
        lens = np.array(lengths, dtype=np.intp)
        starts = np.zeros(k, dtype=np.intp)
        np.cumsum(lens[:-1], out=starts[1:])
        ends = starts + lens
        sent = np.repeat(np.arange(k, dtype=np.intp), lens)
        end_of = ends[sent]  # end (exclusive) of each token's sentence
        r_tok = np.array(rows, dtype=np.intp)
        # padded[p[i]] = row of token i; two padding words before each sentence, three at the end
        p = np.arange(n, dtype=np.intp) + 2 * sent + 2
        padded = np.zeros(n + 2 * k + 3, dtype=np.intp)
        padded[p] = r_tok
        fl_pad = self.flags[padded]
        fl = fl_pad[p]
        cand = np.flatnonzero(fl & _F_PLACE)
        marks = self._place_marks(rows, cand.tolist(), end_of[cand].tolist(), n)
        nxt_marks = np.empty(n, dtype=np.intp)
        nxt_marks[:-1] = marks[1:]
        nonempty = lens > 0
        last = ends[nonempty] - 1
        nxt_marks[last] = _NONE
        # rows of vec as one 2-D array (word row * _ROLES + role): each gather is one ``take``
        take = self.vec.reshape(-1, n_lab).take
        pad9 = padded * _ROLES
        before9, after9 = pad9[p - 1], pad9[p + 1]
        s = take(pad9[p] + marks, axis=0)
        s += take(pad9[p - 2] + _R_NB, axis=0)
        s += take(before9 + (_R_NB + 1), axis=0)
        s += take(after9 + (_R_NB + 2), axis=0)
        s += take(pad9[p + 2] + (_R_NB + 3), axis=0)
        s += take(after9 + _R_POST, axis=0)
        s += take(before9 + _R_CUE, axis=0)
        s += self.next_place.take(nxt_marks, axis=0)
        s[starts[nonempty]] += state[self.a_bos]
        s[last] += state[self.a_eos]
        org = fl_pad & _F_ORG
        if org.any():  # the nearest organisation head 1-3 words ahead in the sentence
            room = end_of - np.arange(n, dtype=np.intp) - 1
            d = np.full(n, -1, dtype=np.intp)
            for step in (3, 2, 1):
                d[(org[p + step] != 0) & (room >= step)] = step - 1
            at = np.flatnonzero(d >= 0)
            s[at] += state[self.a_org[d[at]]]
        # word bigrams: only where both words may be sides of a known one
        keys = self.keys
        for here, there, left, right, pairs in (
            (_F_BL1, fl_pad[p + 1] & _F_BR1, 0, 1, self.bigram1),
            (_F_BR2, fl_pad[p - 1] & _F_BL2, -1, 0, self.bigram2),
        ):
            found = np.flatnonzero(((fl & here) != 0) & (there != 0))
            if not len(found):
                continue
            tok_at: list[int] = []
            att: list[int] = []
            for i in found.tolist():
                a = pairs.get((keys[rows[i + left]], keys[rows[i + right]]))
                if a is not None:
                    tok_at.append(i)
                    att.append(a)
            if tok_at:
                s[tok_at] += state[att]
        return s, lengths
