"""Where a nominal event happened: chains of places (उत्तर प्रदेश के गोरखपुर जिले में), the most
specific one, coordinated places, and which place the knowledge base files under which.

Helpers of :mod:`vaarta.events`; pure functions of the text, its place mentions and the
read-only lexicon and knowledge base.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import regex

from .events_lexicon import Lexicon, match_at
from .model import Entity, Resources

_DISTRICT = regex.compile(r"\s*(?:जिले|जिला|ज़िले|ज़िला)(?![\p{L}\p{M}])")
_DISTRICT_END = regex.compile(r"(?:जिले|जिला|ज़िले|ज़िला)$")


@lru_cache(maxsize=1)
def _default_kb() -> Any:
    try:
        from .kb import default_kb

        return default_kb()
    except Exception:  # the KB is optional for this stage
        return None


def event_places(text: str, locs: Sequence[tuple[int, int, Entity]], at: int, lex: Lexicon) -> list[str]:
    """The place(s) of a nominal event triggered at ``at``: the most specific place of the
    nearest "A के B (जिले) में" chain before the trigger (district over state, but not a
    village or police station), and of each chain coordinated with it (A और B में)."""
    locs = [m for m in locs if not match_at(lex.name_modifier, text, m[1])]  # बरौनी एक्सप्रेस is a train
    # "भूकंप … गुजरात के सन् 2001 के भूकंप जैसा": a place after the trigger in a comparison
    # names another happening (the one compared with)
    locs = [m for m in locs if m[0] < at or not match_at(_COMPARED, text, m[1])]
    locs = [m for m in locs if not match_at(_HEADING_TO, text, m[1])]  # "काबुल जा रहे जवानों": a destination
    chains = place_chains(text, locs, lex)
    if not chains:
        return []
    before = [i for i, c in enumerate(chains) if c[-1][1] <= at]
    if not before:
        return [_specific(text, chains[0], lex)]
    i = before[-1]
    out = [_specific(text, chains[i], lex)]
    while i > 0 and _COORD_GAP.fullmatch(text[chains[i - 1][-1][1] : chains[i][0][0]]):
        i -= 1
        out.insert(0, _specific(text, chains[i], lex))
    return list(dict.fromkeys(out))


def place_chains(text: str, locs: Sequence[tuple[int, int, Entity]], lex: Lexicon) -> list[list[tuple[int, int, Entity]]]:
    """Runs of places joined by के/की/का (उत्तर प्रदेश के गोरखपुर जिले …), outermost first."""
    gap = _chain_gap(lex.place_level)
    chains: list[list[tuple[int, int, Entity]]] = []
    for m in sorted(locs, key=lambda x: x[0]):
        if chains and chains[-1][-1][1] <= m[0] and gap.fullmatch(text[chains[-1][-1][1] : m[0]]):
            chains[-1].append(m)
        elif not chains or chains[-1][-1][1] <= m[0]:
            chains.append([m])
    return chains


def _specific(text: str, chain: Sequence[tuple[int, int, Entity]], lex: Lexicon) -> str:
    ok = [m for m in chain if not match_at(lex.sub_place, text, m[1])]
    return (ok[-1] if ok else chain[0])[2].name


@lru_cache(maxsize=4)
def _chain_gap(level_words: str) -> regex.Pattern[str]:
    return regex.compile(r"\s*(?:" + level_words + r"\s+)?(?:के|की|का)\s+")


# A place whose noun phrase ends in a comparison (X के … भूकंप जैसा, X की तरह): up to six words,
# none of them a postposition that would end the phrase first.
_COMPARED = regex.compile(
    r"(?:\s+(?!(?:में|ने|को|पर|से)(?![\p{L}\p{M}]))[\p{L}\p{M}\d]+){0,6}?\s+(?:जैसा|जैसी|जैसे|की\s+तरह|के\s+समान)(?![\p{L}\p{M}])"
)
# A place one is on the way to (काबुल जा रहे जवानों, दिल्ली जाने वाली बस): not where it happened.
_HEADING_TO = regex.compile(r"\s+(?:जा\s+(?:रहे|रही|रहा|रहीं)|जाने\s+(?:वाले|वाली|वाला))(?![\p{L}\p{M}])")
_IN = regex.compile(r"\s*(?:जिले\s+|शहर\s+|राज्य\s+)?में(?![\p{L}\p{M}])")
_COORD_GAP = regex.compile(r"\s*(?:,|और|तथा|एवं|व)\s*")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from babel import Locale

    return frozenset(Locale("en").territories.values())


def _contains(a: str, b: str, inside: set[tuple[str, str]]) -> bool:
    """Whether place ``a`` contains place ``b``: a chain of this document said so, or ``a``
    is a country and ``b`` is not."""
    return (a, b) in inside or (a in _countries() and b not in _countries())


def _kb_inside(outer: str, inner: str, res: Resources | None) -> bool:
    """Whether the KB files place ``inner`` under ``outer`` (its region or country, up to
    three levels: Chamoli district → Uttarakhand → India)."""
    kb = res.kb if res is not None and res.kb is not None else _default_kb()
    name = inner
    for _ in range(3):
        ent = kb.get(name) if kb is not None else None
        parent = next((p for p in (getattr(ent, "region", None), getattr(ent, "country", None)) if p and p != name), None)
        if parent is None:
            return False
        if parent == outer:
            return True
        name = parent
    return False


def _as_district(name: str, text: str, mentions: Sequence[tuple[int, int, Entity]]) -> bool:
    # "चमोली जिले में": the word may be part of the mention (Chamoli district) or follow it
    return any(
        m[2].name == name and (match_at(_DISTRICT, text, m[1]) or _DISTRICT_END.search(text, m[0], m[1])) for m in mentions
    )
