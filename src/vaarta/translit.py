"""Spelling keys and transliteration for names in Devanagari and Latin script.

Three functions, all pure:

* :func:`name_key` folds the spelling variation that Hindi news shows for one name
  (nukta, anusvara vs. half nasal, vowel length, ``ॉ``/``ा``, ``ष``/``श``, ZWJ/ZWNJ, hyphens)
  so that ``राँची``/``रांची`` and ``पाकिस्‍तान``/``पाकिस्तान`` get one key. Latin text is
  casefolded with accents and punctuation removed.
* :func:`to_latin` gives a readable Latin transliteration of a Devanagari name
  (``राहुल गांधी`` → ``Rahul Gandhi``), with Hindi schwa deletion.
* :func:`phonetic_key` squashes either script to a coarse sound key (aspirates, sibilants,
  vowel length, doubled letters folded) so that ``शी जिनपिंग`` and ``Xi Jinping`` come close;
  :func:`similarity` compares two such keys (0..1).

The transliteration table is our own (ISO-15919-like, simplified to ASCII); the recipe
(schwa deletion + phonetic squash on both sides) is the one measured in notes.md.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

import regex

__all__ = ["is_devanagari", "name_key", "phonetic_key", "similar_at_least", "similarity", "to_latin"]

# --- spelling-normalisation key -------------------------------------------------------

# The folds every spelling-insensitive key in vaarta starts from, after NFC (which splits
# क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ into letter + nukta): nukta and zero-width joiners dropped, chandrabindu
# read as anusvara. Shared by :func:`name_key`, ``ner.normalise`` and ``dedup.normalise``.
BASIC_FOLD: dict[str, str | None] = {
    "\u093c": None,  # nukta
    "\u200c": None,  # ZWNJ
    "\u200d": None,  # ZWJ
    "\u0901": "\u0902",  # chandrabindu -> anusvara
}
# nukta letters that NFC keeps precomposed (ऩ ऱ ऴ) and the ones it splits (kept for clarity)
_NUKTA_PRECOMPOSED = {
    "\u0958": "क",
    "\u0959": "ख",
    "\u095a": "ग",
    "\u095b": "ज",
    "\u095c": "ड",
    "\u095d": "ढ",
    "\u095e": "फ",
    "\u095f": "य",
    "\u0929": "न",
    "\u0931": "र",
    "\u0934": "ळ",
}
_CHAR_FOLD = str.maketrans(
    {
        **BASIC_FOLD,
        **_NUKTA_PRECOMPOSED,
        "\u00ad": None,  # soft hyphen
        "\ufeff": None,  # BOM
        "\u0940": "\u093f",  # ी -> ि
        "\u0942": "\u0941",  # ू -> ु
        "\u0908": "\u0907",  # ई -> इ
        "\u090a": "\u0909",  # ऊ -> उ
        "\u0949": "\u093e",  # ॉ -> ा
        "\u0911": "\u0906",  # ऑ -> आ
        "\u0945": "\u0947",  # ॅ -> े
        "\u090d": "\u090f",  # ऍ -> ए
        "\u0937": "\u0936",  # ष -> श
        "\u0923": "\u0928",  # ण -> न
        "\u0903": None,  # visarga
        "\u0970": ".",  # abbreviation sign
    }
)
# half nasal (nasal consonant + virama before a consonant) -> anusvara
_HALF_NASAL = regex.compile(r"[ङञणनम]\u094d(?=[\u0915-\u0939])")
_FINAL_VIRAMA = regex.compile(r"\u094d(?=\s|$)")
_PUNCT = regex.compile(r"[\p{P}\p{S}\s]+")
_DEVANAGARI = regex.compile(r"\p{Devanagari}")
# two-letter Latin spellings of one Hindi sound, folded by the Latin key as well
_LATIN_FOLD = (("ee", "i"), ("oo", "u"))


def is_devanagari(s: str) -> bool:
    return bool(_DEVANAGARI.search(s))


@lru_cache(maxsize=65536)
def name_key(s: str) -> str:
    """Spelling-normalised lookup key for a name in either script (idempotent)."""
    s = unicodedata.normalize("NFC", s)
    s = s.translate(_CHAR_FOLD)
    if "\u094d" in s:  # both patterns need a virama
        s = _HALF_NASAL.sub("\u0902", s)
        s = _FINAL_VIRAMA.sub("", s)
    if not is_devanagari(s):
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.casefold()
    s = _PUNCT.sub(" ", s).strip()
    return s


# precompiled (regex.sub with a pattern string looks the pattern up in regex's cache each call)
_SPLIT_WORDS = regex.compile(r"(\s+|-)")
_SPACES = regex.compile(r"\s+")
_NOT_LATIN = regex.compile(r"[^a-z ]+")
# on text already reduced to [a-z ] (phonetic_key): the stdlib ``re``, faster on short strings
_DOUBLED = re.compile(r"(.)\1+")
_ASPIRATION = re.compile(r"h(?=[^aeiou]|$| )")
_LATIN_SPACES = re.compile(r"\s+")

# --- Devanagari -> Latin --------------------------------------------------------------

_CONS = {
    "क": "k",
    "ख": "kh",
    "ग": "g",
    "घ": "gh",
    "ङ": "n",
    "च": "ch",
    "छ": "chh",
    "ज": "j",
    "झ": "jh",
    "ञ": "n",
    "ट": "t",
    "ठ": "th",
    "ड": "d",
    "ढ": "dh",
    "ण": "n",
    "त": "t",
    "थ": "th",
    "द": "d",
    "ध": "dh",
    "न": "n",
    "प": "p",
    "फ": "ph",
    "ब": "b",
    "भ": "bh",
    "म": "m",
    "य": "y",
    "र": "r",
    "ल": "l",
    "व": "v",
    "श": "sh",
    "ष": "sh",
    "स": "s",
    "ह": "h",
    "ळ": "l",
}
_NUKTA_CONS = {"क": "q", "ख": "kh", "ग": "gh", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f", "य": "y"}
_VOWELS = {
    "अ": "a",
    "आ": "a",
    "इ": "i",
    "ई": "i",
    "उ": "u",
    "ऊ": "u",
    "ऋ": "ri",
    "ए": "e",
    "ऐ": "ai",
    "ओ": "o",
    "औ": "au",
    "ऑ": "o",
    "ऍ": "e",
    "ॲ": "e",
}
_MATRAS = {
    "\u093e": "a",
    "\u093f": "i",
    "\u0940": "i",
    "\u0941": "u",
    "\u0942": "u",
    "\u0943": "ri",
    "\u0947": "e",
    "\u0948": "ai",
    "\u094b": "o",
    "\u094c": "au",
    "\u0949": "o",
    "\u0945": "e",
}
_VIRAMA = "\u094d"


def _word_to_latin(word: str) -> str:
    w = unicodedata.normalize("NFD", word)  # splits precomposed nukta letters
    w = w.replace("\u200c", "").replace("\u200d", "")
    # syllables: list of [onset, vowel, coda] where vowel None = inherent schwa
    sylls: list[list[str | None]] = []
    i = 0
    n = len(w)
    while i < n:
        c = w[i]
        if c in _CONS:
            lat = _CONS[c]
            if i + 1 < n and w[i + 1] == "\u093c":
                lat = _NUKTA_CONS.get(c, lat)
                i += 1
            i += 1
            if i < n and w[i] == _VIRAMA:
                sylls.append([lat, "", ""])  # dead consonant
                i += 1
            elif i < n and w[i] in _MATRAS:
                sylls.append([lat, _MATRAS[w[i]], ""])
                i += 1
            else:
                sylls.append([lat, None, ""])
        elif c in _VOWELS:
            sylls.append(["", _VOWELS[c], ""])
            i += 1
        elif c in "\u0902\u0901":  # anusvara / chandrabindu
            if sylls:
                sylls[-1][2] = "n"
            i += 1
        elif c == "\u0903":
            if sylls:
                sylls[-1][2] = "h"
            i += 1
        elif c == "\u093c":
            i += 1
        else:
            sylls.append([c, "", ""])
            i += 1
    # schwa deletion: word-final, and medial in the context V C_ C V
    m = len(sylls)
    vowels: list[str] = []
    for k, (_on, vo, co) in enumerate(sylls):
        if vo is not None:
            vowels.append(vo)
            continue
        if m == 1:
            vowels.append("a")
        elif k == m - 1:
            vowels.append("" if not co else "a")
        else:
            prev_has_v = k > 0 and bool(vowels[k - 1]) and not sylls[k - 1][2]
            nxt = sylls[k + 1]
            nxt_has_v = nxt[1] is None or bool(nxt[1])
            nxt_is_c = bool(nxt[0])
            keep = co or not (
                (prev_has_v and nxt_is_c and nxt_has_v and k + 1 < m - 1)
                or (prev_has_v and nxt_is_c and k + 1 == m - 1 and nxt[1])
            )
            vowels.append("a" if keep else "")
    out = []
    for k, (on, _vo, co) in enumerate(sylls):
        coda = co or ""
        if coda == "n" and k + 1 < m and sylls[k + 1][0] and sylls[k + 1][0][0] in "pbm":
            coda = "m"
        out.append(f"{on}{vowels[k]}{coda}")
    return "".join(out)


@lru_cache(maxsize=65536)
def to_latin(s: str) -> str:
    """Readable Latin transliteration of a (Devanagari) name; Latin input is returned tidied."""
    parts = []
    for word in _SPLIT_WORDS.split(s.strip()):
        if not word or word.isspace() or word == "-":
            parts.append(" " if word and word.isspace() else word)
            continue
        lat = _word_to_latin(word) if is_devanagari(word) else word
        lat = lat.replace(".", ". ").strip() if is_devanagari(word) else lat
        parts.append(lat[:1].upper() + lat[1:] if lat else lat)
    return _SPACES.sub(" ", "".join(parts)).strip()


# --- phonetic squash -------------------------------------------------------------------

_SQUASH = (
    ("ph", "f"),
    ("sh", "s"),
    ("x", "s"),
    ("z", "j"),
    ("q", "k"),
    ("w", "v"),
    ("c", "k"),
    ("kh", "k"),
    ("gh", "g"),
    ("jh", "j"),
    ("th", "t"),
    ("dh", "d"),
    ("bh", "b"),
    ("ee", "i"),
    ("oo", "u"),
    ("y", "i"),
    ("ou", "o"),
    ("au", "o"),
    ("ai", "e"),
)


@lru_cache(maxsize=65536)
def phonetic_key(s: str) -> str:
    """Coarse sound key of a name in either script, for fuzzy comparison."""
    lat = to_latin(s) if is_devanagari(s) else s
    lat = "".join(c for c in unicodedata.normalize("NFKD", lat) if not unicodedata.combining(c))
    lat = _NOT_LATIN.sub("", lat.casefold())
    lat = lat.replace("ch", "c")
    for a, b in _SQUASH:
        lat = lat.replace(a, b)
    lat = _DOUBLED.sub(r"\1", lat)  # doubled letters
    lat = _ASPIRATION.sub("", lat)  # leftover aspiration
    return _LATIN_SPACES.sub(" ", lat).strip()


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two names' phonetic keys (either script on either side)."""
    ka, kb = phonetic_key(a), phonetic_key(b)
    if not ka or not kb:
        return 0.0
    return difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def similar_at_least(a: str, b: str, threshold: float) -> bool:
    """``similarity(a, b) >= threshold``, with cheap upper bounds tried first."""
    ka, kb = phonetic_key(a), phonetic_key(b)
    if not ka or not kb or 2 * min(len(ka), len(kb)) / (len(ka) + len(kb)) < threshold:
        return False
    m = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    return m.quick_ratio() >= threshold and m.ratio() >= threshold
