"""Statistical named-entity tagger (PER / LOC / ORG) for tokenised Hindi text.

A linear-chain CRF (python-crfsuite) trained on the IL-NER Hindi corpus
(CC-BY-4.0; see ``resources/ner/DATA_CARD.md``). Besides the usual word, affix,
shape and neighbour features it reads a small lexicon shipped with the model:

* word clusters at three granularities, learnt without labels from Hindi news
  text (a PPMI co-occurrence matrix, truncated SVD, k-means), so that a name
  never seen in the labelled data still looks like names that were;
* a log-frequency bucket from the same text (rare capital-less words are often names);
* gazetteer membership: place names (Natural Earth, CLDR) and Indian person
  given names / surnames (election candidates, cricketers).

The model and lexicon are produced by ``training/train_ner.py``; this module
only reads them. :class:`Tagger` is picklable (by path, or by bytes when built
in memory), so it can be handed to worker processes as a read-only resource.
"""

from __future__ import annotations

import gzip
import json
import struct
import unicodedata
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite
import regex

from .translit import BASIC_FOLD

__all__ = ["ENTITY_TYPES", "Tagger", "bio_to_spans", "model_attributes", "normalise", "sentence_features"]

# --- tunable data -----------------------------------------------------------
# IL-NER tag -> vaarta entity type. Every other IL-NER tag (NETI time, NEN number,
# NEAR artefact, NEU, NED) is read as O.
ENTITY_TYPES: dict[str, str] = {"NEP": "PER", "NEL": "LOC", "NEO": "ORG"}

# Words that follow a name in Hindi (case markers and postpositions) and words that
# precede one (titles, roles). Facts of Hindi grammar / usage, written here by hand.
POSTPOSITIONS = frozenset(
    ["ने", "को", "से", "में", "का", "की", "के", "पर", "तक", "द्वारा", "वाले", "वाली", "वाला", "सहित", "समेत", "और", "व", "या", "ही", "भी"]
)
PERSON_CUES = frozenset(
    [
        "श्री",
        "श्रीमती",
        "सुश्री",
        "डॉ",
        "डॉ.",
        "डा.",
        "मंत्री",
        "प्रधानमंत्री",
        "मुख्यमंत्री",
        "राष्ट्रपति",
        "राज्यपाल",
        "सांसद",
        "विधायक",
        "नेता",
        "अध्यक्ष",
        "प्रवक्ता",
        "निदेशक",
        "सचिव",
        "जनरल",
        "कप्तान",
        "कोच",
        "महात्मा",
        "पंडित",
        "संत",
        "स्वामी",
    ]
)
PLACE_CUES = frozenset(["शहर", "जिले", "जिला", "राज्य", "गांव", "देश", "नगर", "प्रांत"])
# Words that end (head) an organisation name; a feature fires on the words before one.
ORG_HEADS = frozenset(
    [
        "बैंक",
        "परिषद",
        "विभाग",
        "मंत्रालय",
        "आयोग",
        "समिति",
        "संघ",
        "संगठन",
        "संस्थान",
        "संस्था",
        "विश्वविद्यालय",
        "कॉलेज",
        "महाविद्यालय",
        "अकादमी",
        "पार्टी",
        "दल",
        "कंपनी",
        "लिमिटेड",
        "निगम",
        "बोर्ड",
        "प्राधिकरण",
        "सोसायटी",
        "सोसाइटी",
        "फाउंडेशन",
        "ट्रस्ट",
        "मिशन",
        "सेना",
        "आर्मी",
        "फौज",
        "पुलिस",
        "न्यायालय",
        "अदालत",
        "कोर्ट",
        "सभा",
        "महासभा",
        "संसद",
        "एसोसिएशन",
        "फेडरेशन",
        "कांग्रेस",
        "लीग",
        "क्लब",
        "केंद्र",
        "केन्द्र",
        "कार्यालय",
        "ब्यूरो",
        "एजेंसी",
        "कॉरपोरेशन",
    ]
)
# Devanagari spellings of English letter names: a word made only of these is an acronym
# (एनआरए, ईबीआरडी, सीबीआई), most often an organisation.
_LETTER_NAMES = "डब्ल्यू|क्यू|एक्स|एफ|एच|एल|एम|एन|एस|आर|जेड|ज़ेड|वाई|बी|सी|डी|ई|जी|आई|जे|के|ओ|पी|टी|यू|वी|ए"
_ACRONYM = regex.compile(rf"^(?:{_LETTER_NAMES}){{2,}}$")

# after NFC no precomposed nukta letter (क़ …) is left, so the shared fold is the whole map
_NUKTA_MAP = str.maketrans(BASIC_FOLD)
_DEVA = regex.compile(r"^[\p{Devanagari}]+$")
_LATIN = regex.compile(r"^\p{Latin}+\.?$")
_DIGIT = regex.compile(r"^[\p{Nd}.,:/-]*\p{Nd}[\p{Nd}.,:/-]*$")


def normalise(word: str) -> str:
    """Spelling-insensitive key: NFC, nukta and chandrabindu folded, Latin lower-cased."""
    return unicodedata.normalize("NFC", word).translate(_NUKTA_MAP).lower()


def _shape(word: str) -> str:
    if not word:
        return "empty"
    if _DEVA.match(word):
        return "deva"
    if _DIGIT.match(word):
        return "digit"
    if _LATIN.match(word):
        if word.isupper() and len(word) > 1:
            return "LATIN"
        return "Latin" if word[0].isupper() else "latin"
    if all(not ch.isalnum() for ch in word):
        return "punct"
    return "mixed"


class Lexicon:
    """Read-only word resources shipped next to the CRF model (see ``train_ner.py``)."""

    __slots__ = ("clusters", "freq", "max_place_len", "names", "place_first", "places")

    def __init__(self, data: dict[str, Any]) -> None:
        self.clusters: dict[str, list[int]] = data.get("clusters", {})
        self.freq: dict[str, int] = data.get("freq", {})
        # normalised word -> "first" | "last" | "first+last" (parts of person names)
        self.names: dict[str, str] = data.get("names", {})
        # normalised place names, words joined by one space
        self.places: frozenset[str] = frozenset(data.get("places", []))
        self.max_place_len = max((p.count(" ") + 1 for p in self.places), default=0)
        # first space-separated part of every place name: a match can only start at a word
        # whose own first part is one of these (lets the fast path skip most positions)
        self.place_first: frozenset[str] = frozenset(p.partition(" ")[0] for p in self.places)

    def place_tags(self, keys: Sequence[str]) -> list[str]:
        """B/I/O marks of the longest place-name matches, left to right."""
        out = ["O"] * len(keys)
        i = 0
        while i < len(keys):
            for n in range(min(self.max_place_len, len(keys) - i), 0, -1):
                if " ".join(keys[i : i + n]) in self.places:
                    out[i : i + n] = ["B"] + ["I"] * (n - 1)
                    i += n
                    break
            else:
                i += 1
        return out

    @classmethod
    def from_bytes(cls, raw: bytes) -> Lexicon:
        return cls(json.loads(gzip.decompress(raw).decode("utf-8")))


def _word_feats(prefix: str, key: str, lex: Lexicon, full: bool) -> list[str]:
    feats = [f"{prefix}w={key}"]
    cl = lex.clusters.get(key)
    if cl is None:
        feats.append(f"{prefix}c=unk")
    else:
        levels = cl if full else cl[:2]
        feats.extend(f"{prefix}c{i}={c}" for i, c in enumerate(levels))
    if full:
        feats.append(f"{prefix}name={lex.names.get(key, '-')}")
    return feats


def sentence_features(tokens: Sequence[str], lex: Lexicon) -> list[list[str]]:
    """crfsuite feature strings for each token of one sentence."""
    keys = [normalise(t) for t in tokens]
    n = len(keys)
    place = lex.place_tags(keys)
    out: list[list[str]] = []
    for i, (tok, key) in enumerate(zip(tokens, keys, strict=True)):
        shape = _shape(tok)
        f = ["bias", f"shape={shape}", f"len={min(len(key), 8)}"]
        f.extend(_word_feats("", key, lex, True))
        f.extend(f"suf{k}={key[-k:]}" for k in (1, 2, 3, 4) if len(key) > k)
        f.extend(f"pre{k}={key[:k]}" for k in (2, 3) if len(key) > k)
        f.append(f"fq={lex.freq.get(key, -1)}")
        f.append(f"place={place[i]}")
        if _ACRONYM.match(tok):
            f.append("acronym")
        if key in ORG_HEADS:
            f.append("org_head")
        for d in (1, 2, 3):
            if i + d < n and keys[i + d] in ORG_HEADS:
                f.append(f"org_head_at+{d}")
                break
        if i + 1 < n:
            f.append(f"+1place={place[i + 1]}")
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                nk = keys[j]
                f.extend(_word_feats(f"{d:+d}", nk, lex, abs(d) == 1))
                if abs(d) == 1:
                    f.append(f"{d:+d}shape={_shape(tokens[j])}")
                    f.append(f"{d:+d}suf3={nk[-3:]}")
        if i + 1 < n:
            f.append(f"w|+1={key}|{keys[i + 1]}")
            if keys[i + 1] in POSTPOSITIONS:
                f.append("next_post")
        if i > 0:
            f.append(f"-1|w={keys[i - 1]}|{key}")
            if keys[i - 1] in PERSON_CUES:
                f.append("prev_person_cue")
            if keys[i - 1] in PLACE_CUES:
                f.append("prev_place_cue")
        out.append(f)
    return out


# --- fast path ----------------------------------------------------------------
# ``sentence_features`` above is the definition of the features (training uses it).
# The tagger builds the same lists faster: everything that depends on one word only is
# computed once per distinct token and kept in a bounded per-instance cache, strings the
# model has no weights for are dropped up front (crfsuite ignores unknown attributes, so
# the labels are identical; tests/test_ner.py and bench/bench_ner.py check this), and the
# strings are handed to crfsuite already UTF-8 encoded. Attribute order is kept, so
# crfsuite adds the same weights in the same order.
CACHE_MAX_WORDS = 50_000  # distinct tokens kept per tagger (~1.1 kB each) before the cache is emptied

_Feats = list[bytes]
_B, _I, _O = 0, 1, 2  # place marks as indexes
_EMPTY: _Feats = []


class _Word:
    """Features of one token that do not depend on its sentence (UTF-8, model-filtered)."""

    __slots__ = ("bl1", "bl2", "br1", "br2", "cue_f", "heads", "kb", "key", "nb", "org_head", "place_start", "post_f")

    key: str  # normalised word
    kb: bytes  # the same, UTF-8
    heads: tuple[_Feats, _Feats, _Feats]  # bias, own features, place=B/I/O, acronym, org_head
    nb: tuple[_Feats, _Feats, _Feats, _Feats]  # as seen from the word 2 after / 1 after / 1 before / 2 before
    post_f: _Feats  # next_post, for the word before
    cue_f: _Feats  # prev_person_cue / prev_place_cue, for the word after
    bl1: bool  # may be the left / right word of a known "w|+1=" bigram
    br1: bool
    bl2: bool  # may be the left / right word of a known "-1|w=" bigram
    br2: bool
    org_head: bool
    place_start: bool


def _encode(feats: Sequence[str], keep: dict[bytes, bytes] | None) -> _Feats:
    """UTF-8 strings; with ``keep``, only its keys, as its own objects (shared, not copied)."""
    out = [a.encode("utf-8") for a in feats]
    return out if keep is None else [keep[a] for a in out if a in keep]


def _bigram_sides(keep: frozenset[bytes], prefix: bytes) -> tuple[frozenset[bytes], frozenset[bytes]]:
    """Every possible left and right part of the known ``prefix + left + b"|" + right`` attributes."""
    left: set[bytes] = set()
    right: set[bytes] = set()
    for a in keep:
        if a.startswith(prefix):
            body = a[len(prefix) :]
            pos = body.find(b"|")
            while pos >= 0:
                left.add(body[:pos])
                right.add(body[pos + 1 :])
                pos = body.find(b"|", pos + 1)
    return frozenset(left), frozenset(right)


class _Featurizer:
    """``sentence_features`` as UTF-8 bytes, keeping only the strings in ``keep`` (if given).

    With ``keep=None`` the lists equal ``sentence_features`` encoded; with the model's
    attribute set they equal those lists with unknown attributes removed, order kept.
    Tokens that are empty or only white space are read as ``_``, as in ``Tagger.tag``.
    """

    def __init__(self, lex: Lexicon, keep: frozenset[bytes] | None = None, max_words: int = CACHE_MAX_WORDS) -> None:
        self.lex = lex
        self.keep = None if keep is None else {a: a for a in keep}
        self.max_words = max_words
        self.cache: dict[str, _Word] = {}

        def const(name: str) -> _Feats:
            return _encode([name], self.keep)

        self.bias, self.acronym, self.org_head = const("bias"), const("acronym"), const("org_head")
        self.bos, self.eos, self.next_post = const("BOS"), const("EOS"), const("next_post")
        self.person_cue, self.place_cue = const("prev_person_cue"), const("prev_place_cue")
        self.org_at = [const(f"org_head_at+{d}") for d in (1, 2, 3)]
        self.place = [const(f"place={m}") for m in "BIO"]
        self.next_place = [const(f"+1place={m}") for m in "BIO"]
        if keep is None:
            self.sides: tuple[frozenset[bytes], ...] | None = None
        else:
            self.sides = (*_bigram_sides(keep, b"w|+1="), *_bigram_sides(keep, b"-1|w="))
        # stands for the missing words beyond either end of a sentence
        pad = _Word()
        pad.key, pad.kb, pad.heads, pad.nb = "", b"", (_EMPTY, _EMPTY, _EMPTY), (_EMPTY, _EMPTY, _EMPTY, _EMPTY)
        pad.post_f = pad.cue_f = _EMPTY
        pad.bl1 = pad.br1 = pad.bl2 = pad.br2 = pad.org_head = pad.place_start = False
        self.pad = pad

    def word(self, tok: str) -> _Word:
        w = self.cache.get(tok)
        if w is None:
            if len(self.cache) >= self.max_words:
                self.cache.clear()
            w = self._make_word(tok if tok.strip() else "_")
            self.cache[tok] = w
        return w

    def _make_word(self, tok: str) -> _Word:
        lex, keep = self.lex, self.keep
        key = normalise(tok)
        shape = _shape(tok)
        own = [f"shape={shape}", f"len={min(len(key), 8)}", *_word_feats("", key, lex, True)]
        own.extend(f"suf{k}={key[-k:]}" for k in (1, 2, 3, 4) if len(key) > k)
        own.extend(f"pre{k}={key[:k]}" for k in (2, 3) if len(key) > k)
        own.append(f"fq={lex.freq.get(key, -1)}")
        nb: list[_Feats] = []
        for d in (-2, -1, 1, 2):  # this word at offset d from the token being described
            f = _word_feats(f"{d:+d}", key, lex, abs(d) == 1)
            if abs(d) == 1:
                f.append(f"{d:+d}shape={shape}")
                f.append(f"{d:+d}suf3={key[-3:]}")
            nb.append(_encode(f, keep))
        w = _Word()
        w.key, w.kb = key, key.encode("utf-8")
        w.org_head = key in ORG_HEADS
        flags = (self.acronym if _ACRONYM.match(tok) else _EMPTY) + (self.org_head if w.org_head else _EMPTY)
        head = self.bias + _encode(own, keep)
        w.heads = (head + self.place[_B] + flags, head + self.place[_I] + flags, head + self.place[_O] + flags)
        w.nb = (nb[0], nb[1], nb[2], nb[3])
        w.post_f = self.next_post if key in POSTPOSITIONS else _EMPTY
        w.cue_f = (self.person_cue if key in PERSON_CUES else _EMPTY) + (self.place_cue if key in PLACE_CUES else _EMPTY)
        if self.sides is None:
            w.bl1 = w.br1 = w.bl2 = w.br2 = True
        else:
            l1, r1, l2, r2 = self.sides
            w.bl1, w.br1, w.bl2, w.br2 = w.kb in l1, w.kb in r1, w.kb in l2, w.kb in r2
        w.place_start = key.partition(" ")[0] in lex.place_first
        return w

    def _place_tags(self, words: list[_Word]) -> list[int]:
        """``Lexicon.place_tags`` over the words' keys (as indexes), trying only possible starts."""
        lex = self.lex
        n = len(words)
        out = [_O] * n
        i = 0
        while i < n:
            if words[i].place_start:
                for m in range(min(lex.max_place_len, n - i), 0, -1):
                    if " ".join(w.key for w in words[i : i + m]) in lex.places:
                        out[i : i + m] = [_B] + [_I] * (m - 1)
                        i += m
                        break
                else:
                    i += 1
            else:
                i += 1
        return out

    def features(self, tokens: Sequence[str]) -> list[_Feats]:
        cache = self.cache
        words = [cache.get(t) or self.word(t) for t in tokens]
        n = len(words)
        if not n:
            return []
        place = self._place_tags(words)
        last = n - 1
        # what depends on the position: org_head_at+d, +1place, BOS, EOS (in this order)
        npl = self.next_place
        pos = [npl[p] for p in place[1:]]
        pos.append(_EMPTY)
        pos[0] = pos[0] + self.bos
        pos[last] = pos[last] + self.eos
        if any(w.org_head for w in words):
            org_at = self.org_at
            for i in range(n):
                for d in (1, 2, 3):
                    if i + d <= last and words[i + d].org_head:
                        pos[i] = org_at[d - 1] + pos[i]
                        break
        keep = self.keep
        pad = self.pad
        ws = [pad, pad, *words, pad, pad]
        out: list[_Feats] = []
        for i in range(n):
            prev, w, nxt = ws[i + 1], ws[i + 2], ws[i + 3]
            f = w.heads[place[i]] + pos[i]
            f += ws[i].nb[0]
            f += prev.nb[1]
            f += nxt.nb[2]
            f += ws[i + 4].nb[3]
            if w.bl1 and nxt.br1:
                a = b"w|+1=%b|%b" % (w.kb, nxt.kb)
                if keep is None or a in keep:
                    f.append(a)
            f += nxt.post_f
            if prev.bl2 and w.br2:
                a = b"-1|w=%b|%b" % (prev.kb, w.kb)
                if keep is None or a in keep:
                    f.append(a)
            f += prev.cue_f
            out.append(f)
        return out


def model_attributes(model: bytes) -> frozenset[bytes] | None:
    """UTF-8 attribute strings of a crfsuite model (from its CQDB chunk); None if unreadable."""
    try:
        magic, _, _, _, _, _, n_attrs, _, _, off, _, _ = struct.unpack_from("<4sI4s9I", model, 0)
        if magic != b"lCRF" or model[off : off + 4] != b"CQDB":
            return None
        _, _, _, _, bwd_size, bwd_off = struct.unpack_from("<4sIIIII", model, off)
        if bwd_size != n_attrs:
            return None
        names: set[bytes] = set()
        for i, rec in enumerate(struct.unpack_from(f"<{bwd_size}I", model, off + bwd_off)):
            rid, size = struct.unpack_from("<iI", model, off + rec)
            if rid != i or size < 1:
                return None
            names.add(model[off + rec + 8 : off + rec + 7 + size])
        return frozenset(names)
    except struct.error:
        return None


def bio_to_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end_exclusive, type)`` from BIO labels; a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        kind, _, t = lab.partition("-")
        if typ and (kind != "I" or t != typ):
            spans.append((start, i, typ))
            typ = ""
        if kind in ("B", "I") and not typ:
            start, typ = i, t
    return spans


def _default_dir() -> Path:
    return Path(str(resources.files("vaarta") / "resources" / "ner"))


MODEL_FILE = "ner.crfsuite"
LEXICON_FILE = "ner_lexicon.json.gz"


class Tagger:
    """CRF tagger; ``Tagger.load()`` reads the packaged model.

    Pickles by directory path when loaded from one, else by the model bytes.
    """

    def __init__(self, model: bytes, lexicon: bytes, path: Path | None = None) -> None:
        self._model = model
        self._lexicon_raw = lexicon
        self._path = path
        self._lex = Lexicon.from_bytes(lexicon)
        self._crf = pycrfsuite.Tagger()
        self._crf.open_inmemory(model)
        # per-instance cache of per-word features; never pickled (see __getstate__)
        self._feats = _Featurizer(self._lex, model_attributes(model))

    @classmethod
    def load(cls, path: str | Path | None = None) -> Tagger:
        """Load from a directory holding ``ner.crfsuite`` and ``ner_lexicon.json.gz``."""
        d = Path(path) if path is not None else _default_dir()
        model_path, lex_path = d / MODEL_FILE, d / LEXICON_FILE
        if not model_path.is_file() or not lex_path.is_file():
            raise FileNotFoundError(
                f"NER model not found in {d}: expected {MODEL_FILE} and {LEXICON_FILE}; "
                "run `python training/train_ner.py` to build them"
            )
        return cls(model_path.read_bytes(), lex_path.read_bytes(), d)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO labels (``B-PER``, ``I-LOC``, ``O`` …), one per token."""
        if not tokens:
            return []
        return list(self._crf.tag(self._feats.features(tokens)))

    def spans(self, tokens: Sequence[str]) -> list[tuple[int, int, str]]:
        """Entity spans as token indices ``(start, end_exclusive, type)``."""
        return bio_to_spans(self.tag(tokens))

    def __getstate__(self) -> dict[str, Any]:
        if self._path is not None:
            return {"path": str(self._path)}
        return {"model": self._model, "lexicon": self._lexicon_raw}

    def __setstate__(self, state: dict[str, Any]) -> None:
        other = Tagger.load(state["path"]) if "path" in state else Tagger(state["model"], state["lexicon"])
        self._model, self._lexicon_raw, self._path = other._model, other._lexicon_raw, other._path
        self._lex, self._crf, self._feats = other._lex, other._crf, other._feats
