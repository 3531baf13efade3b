"""Garbled text: words whose Devanagari spelling cannot be right.

Machine translation, OCR and bad encodings leave words no Hindi writer produces: a word that
ends in a virama (लखनउच्च्), a vowel sign with no consonant to carry it, two vowel signs in a
row, a nukta on a vowel. Each such word becomes a ``garbled`` flag so a reader knows to
distrust the sentence. A pure function of the document.
"""

from __future__ import annotations

import regex

from .model import Document, Flag

# Words that legitimately end in a virama (Sanskrit loans used in Hindi news).
FINAL_VIRAMA_OK = frozenset("अर्थात् पश्चात् किञ्चित् विद्युत् जगत् भगवन् सम्राट् राजन् महान् श्रीमान् धीमान् वाक् सत् चित् तत्".split())

_VIRAMA = "\u094d"
_VOWEL_SIGN = "[\u093e-\u094c\u0962\u0963]"
_BAD = regex.compile(
    rf"^{_VOWEL_SIGN}"  # a vowel sign opening the word
    rf"|[\u0904-\u0914]{_VOWEL_SIGN}"  # a vowel sign on an independent vowel
    rf"|{_VOWEL_SIGN}{_VOWEL_SIGN}"  # two vowel signs in a row
    rf"|{_VIRAMA}{_VIRAMA}|{_VIRAMA}{_VOWEL_SIGN}"  # double virama, virama then vowel sign
    r"|[\u0904-\u0914\u093e-\u094c]\u093c"  # a nukta on a vowel
)
_WORD = regex.compile(r"[\p{Devanagari}\u200c\u200d]+")


def find_garbled(doc: Document) -> list[Flag]:
    """Flags for words whose spelling is impossible in Hindi."""
    flags: list[Flag] = []
    for m in _WORD.finditer(doc.text):
        w = m.group()
        bad = _BAD.search(w)
        if bad is None and w.endswith(_VIRAMA) and len(w) > 2 and w not in FINAL_VIRAMA_OK:
            bad = True  # type: ignore[assignment]
        if bad:
            flags.append(Flag("garbled", m.start(), m.end(), f"'{w}' is not a possible Hindi spelling"))
    return flags
