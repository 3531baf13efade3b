"""Garbled text: words whose Devanagari spelling cannot be right.

Machine translation, OCR and bad encodings leave words no Hindi writer produces: a word that
ends in a virama (लखनउच्च्), a vowel sign with no consonant to carry it, two vowel signs in a
row, a nukta on a vowel. Each such word becomes a ``garbled`` flag so a reader knows to
distrust the sentence. A pure function of the document.
"""

from __future__ import annotations

import re

import regex

from .model import Document, Flag

# Words that legitimately end in a virama (Sanskrit loans used in Hindi news).
FINAL_VIRAMA_OK = frozenset("अर्थात् पश्चात् किञ्चित् विद्युत् जगत् भगवन् सम्राट् राजन् महान् श्रीमान् धीमान् वाक् सत् चित् तत्".split())

_VIRAMA = "\u094d"
_VOWEL_SIGN = "[\u093e-\u094c\u0962\u0963]"
_WORD_CHAR = "[\\p{Devanagari}\u200c\u200d]"
# The impossible spellings: a vowel sign opening a word, a vowel sign on an independent
# vowel, two vowel signs in a row, a double virama or a virama then a vowel sign, a nukta on
# a vowel, and (group ``final``) a virama ending a word, which is bad only in a word longer
# than two characters that is not in FINAL_VIRAMA_OK. Every alternative lies inside one word.
_BAD = regex.compile(
    rf"(?<!{_WORD_CHAR}){_VOWEL_SIGN}"
    rf"|[\u0904-\u0914]{_VOWEL_SIGN}"
    rf"|{_VOWEL_SIGN}{_VOWEL_SIGN}"
    rf"|{_VIRAMA}{_VIRAMA}|{_VIRAMA}{_VOWEL_SIGN}"
    r"|[\u0904-\u0914\u093e-\u094c]\u093c"
    rf"|(?P<final>{_VIRAMA})(?!{_WORD_CHAR})"
)
# The same alternatives over plain code points for the stdlib ``re`` (several times faster
# over a whole text than ``regex`` with script classes): every position where _BAD matches is
# a match here (the lookarounds use a subset of the word characters), and each hit is checked
# with _BAD. Every alternative starts with a vowel, a vowel sign or a virama: the pattern opens
# with that one class (``re`` then skips to such a character in C) and tells the alternatives
# apart by looking behind at it, so a match starts where that alternative's would.
_SURELY_WORD = "".join(c for c in map(chr, range(0x0900, 0x0980)) if regex.match(_WORD_CHAR, c)) + "\u200c\u200d"
_MAYBE_BAD = re.compile(
    r"[\u0904-\u0914\u093e-\u094d\u0962\u0963]"
    rf"(?:(?<={_VOWEL_SIGN})(?<![{_SURELY_WORD}]{_VOWEL_SIGN})"  # a vowel sign opening a word
    rf"|(?<=[\u0904-\u0914]){_VOWEL_SIGN}"
    rf"|(?<={_VOWEL_SIGN}){_VOWEL_SIGN}"
    r"|(?<=\u094d)[\u094d\u093e-\u094c\u0962\u0963]"
    r"|(?<=[\u0904-\u0914\u093e-\u094c])\u093c"
    rf"|(?<=\u094d)(?![{_SURELY_WORD}]))"
)
_WORD_BEFORE = regex.compile(rf"{_WORD_CHAR}*", regex.REVERSE)  # the part of a word before a position
_WORD_AFTER = regex.compile(rf"{_WORD_CHAR}*")


def find_garbled(doc: Document) -> list[Flag]:
    """Flags for words whose spelling is impossible in Hindi (in text order)."""
    flags: list[Flag] = []
    text = doc.text
    pos = 0
    while (hit := _MAYBE_BAD.search(text, pos)) is not None:
        bad = _BAD.match(text, hit.start())
        if bad is None:
            pos = hit.start() + 1
            continue
        start = _WORD_BEFORE.match(text, 0, bad.start()).start()  # type: ignore[union-attr]
        end = _WORD_AFTER.match(text, bad.start()).end()  # type: ignore[union-attr]
        w = text[start:end]
        if bad.group("final") is not None and (len(w) <= 2 or w in FINAL_VIRAMA_OK):
            pos = bad.end()  # a possible word ending in a virama: nothing earlier in it was bad
            continue
        flags.append(Flag("garbled", start, end, f"'{w}' is not a possible Hindi spelling"))
        pos = end
    return flags
