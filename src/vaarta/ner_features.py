"""Features of vaarta's NER tagger: the definition training and tagging share.

:func:`sentence_features` is the definition of the crfsuite attributes of one sentence
(``training/train_ner.py`` trains on it; the tagger's fast path in ``ner_fast.py`` must
produce the same attributes). :class:`Lexicon` is the word lexicon shipped with the model
(clusters, frequency buckets, gazetteers; see ``resources/ner/DATA_CARD.md``).
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Sequence
from typing import Any

import regex

from .translit import BASIC_FOLD

__all__ = [
    "ENTITY_TYPES",
    "ORG_HEADS",
    "PERSON_CUES",
    "PLACE_CUES",
    "POSTPOSITIONS",
    "Lexicon",
    "normalise",
    "sentence_features",
    "shape",
    "word_feats",
]

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


def shape(word: str) -> str:
    """Script shape of a token: deva, digit, LATIN / Latin / latin, punct, mixed or empty."""
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


def word_feats(prefix: str, key: str, lex: Lexicon, full: bool) -> list[str]:
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
        f = ["bias", f"shape={shape(tok)}", f"len={min(len(key), 8)}"]
        f.extend(word_feats("", key, lex, True))
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
                f.extend(word_feats(f"{d:+d}", nk, lex, abs(d) == 1))
                if abs(d) == 1:
                    f.append(f"{d:+d}shape={shape(tokens[j])}")
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
