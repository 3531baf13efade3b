"""Parties a clause leaves implied: the country an article is about (round 8).

Helpers of :mod:`vaarta.events`; pure functions of the document's name mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import regex

from .events_lexicon import match_at
from .events_places import _countries
from .model import Entity

# How many mentions the article's country needs, and by what factor it must lead the next one.
SUBJECT_MIN_MENTIONS = 3
SUBJECT_LEAD = 1.5


def country_counts(text: str, mentions: Sequence[tuple[int, int, Entity]]) -> tuple[Counter[str], Counter[str]]:
    """How often each country is named, and named with an organ of its state (once per document)."""
    countries = _countries()
    named = [m for m in mentions if m[2].type == "LOC" and m[2].name in countries]
    return Counter(m[2].name for m in named), Counter(m[2].name for m in named if match_at(_ORGAN, text, m[1]))


def _leader(counts: Counter[str], exclude: Sequence[str], least: int, lead: float) -> str | None:
    top = [(n, c) for n, c in counts.most_common(len(exclude) + 2) if n not in exclude][:2]
    if not top or top[0][1] < least or (len(top) > 1 and top[0][1] < lead * top[1][1]):
        return None
    return top[0][0]


def subject_country(counts: Counter[str], exclude: Sequence[str] = ()) -> str | None:
    """The country the article is about: the one named most often (at least
    ``SUBJECT_MIN_MENTIONS`` times, ``SUBJECT_LEAD`` times as often as any other), leaving out
    ``exclude`` (the countries of the clause itself: "अमरीकी कूटनयिक को पकड़ा गया" — the
    patient's country did not arrest him)."""
    return _leader(counts, exclude, SUBJECT_MIN_MENTIONS, SUBJECT_LEAD)


# A country named with an organ of its state: "रूसी विदेश मंत्रालय", "दक्षिणी सूडान की सरकार",
# "टोगो की जेल", "X के सरकारी टीवी" — the state that arrests, releases and expels.
_ORGAN = regex.compile(
    r"\s*(?:(?:के|की|का)\s+)?(?:[\p{L}\p{M}]+\s+)?"
    r"(?:सरकार|मंत्रालय|पुलिस|सेना|सेनाओं|प्रशासन|अधिकारियों|अधिकारी|जेल|अदालत|सुरक्षा\s+बलों)"
)


def authority_country(counts: tuple[Counter[str], Counter[str]], exclude: Sequence[str] = ()) -> str | None:
    """The state behind an act that a passive clause reports with no agent and no place (उन्हें
    हिरासत में लिया गया): the country named most often with an organ of its state (strictly
    more often than any other), else the country the article is about (:func:`subject_country`);
    ``counts`` is :func:`country_counts` of the document."""
    return _leader(counts[1], exclude, 1, 1.0001) or subject_country(counts[0], exclude)


# A later sentence that places the happening just told: "ये घटना मॉस्को के … स्कूल में हुई",
# "यह हादसा X में हुआ", "वारदात X के … में हुई".
_THIS_HAPPENING = regex.compile(
    r"\s*(?:(?:ये|यह|इस|उक्त)\s+)?(?:घटना|हादसा|हादसे|वारदात|हमला|हमले)(?![\p{L}\p{M}])[^।.?!]*?(?<![\p{L}\p{M}])(?:हुई|हुआ|हुए)(?![\p{L}\p{M}])"
)
# Sentences after a happening's last mention searched for such a sentence.
PLACE_AFTER_SENTENCES = 3
PLACED_LATER_TYPES = frozenset({"ASSAULT", "ACCIDENT", "DISASTER", "COERCE"})


def place_told_after(
    text: str, sentences: Sequence[tuple[int, int]], last: int, locs_in: Callable[[int, int], Sequence[Any]], places: Any
) -> str | None:
    """The place of a happening with none in its own sentences, given by one of the next
    ``PLACE_AFTER_SENTENCES`` sentences after sentence ``last`` that says where "this incident"
    happened; ``locs_in(s, e)`` are the place mentions of a span, ``places(s, e)`` its place."""
    for s, e in sentences[last + 1 : last + 1 + PLACE_AFTER_SENTENCES]:
        m = _THIS_HAPPENING.match(text, s, e)
        if m and locs_in(s, m.end()):
            return places(s, m.end())  # type: ignore[no-any-return]
    return None
