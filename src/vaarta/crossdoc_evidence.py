"""What the pair test reads from a report's evidence text alone (docs/crossdoc.md): its content
words (the tiebreak of :func:`vaarta.crossdoc_match.score`), whether it only recalls an earlier
event ("इससे पहले …"), and whether it only ranks places ("सर्वाधिक मामले … में")."""

from __future__ import annotations

import re

import regex

from .crossdoc_counts import _NUM_WORDS
from .segment import _OUTSIDE_PLAIN, _plain_class

_BACKGROUND = regex.compile(r"\s*[,:]?\s*(?:इससे|इसके)\s+(?:पहले|पूर्व)(?![\p{L}\p{M}])")
_RANKING = regex.compile(r"सर्वाधिक|सबसे\s+(?:अधिक|ज्यादा|ज़्यादा)")
_ANY_NUMBER = regex.compile(
    r"\d|(?<![\p{L}\p{M}])(?:" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")(?![\p{L}\p{M}])"
)


_TOKEN = regex.compile(r"[\p{L}\p{M}]+|\d[\d,]*")
# Function words and words every covid report shares, left out of evidence similarity.
_STOP = frozenset(
    "में की के का है हैं से को और ने पर भी तक हो गई गया गए कर यह इस एक लिए साथ बाद कहा था थी थे ही "
    "जो कि अब वह उन इन हुई हुए हुआ रहे रही रहा जा किया दिया बताया अनुसार वायरस कोरोना कोविड "
    "संक्रमण मामले मामलों मामला संख्या लोगों लोग".split()
)


# The same pattern for the stdlib ``re`` (about twice as fast), for texts whose every character
# lies in the plain blocks of :mod:`vaarta.segment` (Latin-1, Devanagari, punctuation): its
# classes are the characters of those blocks that the ``regex`` classes match.
_PLAIN_TOKEN = re.compile(
    "[" + _plain_class(r"[\p{L}\p{M}]") + "]+|[" + _plain_class(r"\d") + "][" + _plain_class(r"[\d,]") + "]*"
)


def content_words(text: str) -> frozenset[str]:
    """Content words and numbers of an evidence text, for :func:`vaarta.crossdoc_match.score`'s tiebreak."""
    words = (_TOKEN if _OUTSIDE_PLAIN.search(text) else _PLAIN_TOKEN).findall(text)
    return frozenset(w.replace(",", "") for w in words if len(w) > 1 and w not in _STOP)


def background(text: str) -> bool:
    """Whether every evidence part opens with "इससे पहले"/"इसके पूर्व" (an earlier event recalled)."""
    return bool(text) and all(_BACKGROUND.match(part) for part in text.split(" | "))


def ranking_only(text: str) -> bool:
    """Whether every evidence part (joined by `` | ``) ranks places and gives no number
    ("मौत के सर्वाधिक मामले महाराष्ट्र में थे")."""
    parts = [t for t in text.split(" | ") if t.strip()]
    return bool(parts) and all(_RANKING.search(t) and not _ANY_NUMBER.search(t) for t in parts)
