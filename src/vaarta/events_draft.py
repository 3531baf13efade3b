"""The working record of one event mention for :mod:`vaarta.events`, the type classes every
events module shares, and what the knowledge base says about a place.

Helpers of :mod:`vaarta.events`; pure functions of their arguments and read-only resources.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .events_lexicon import Lexicon, Trigger
from .events_places import _default_kb
from .model import Resources, Span

VIOLENT = frozenset({"ASSAULT", "DISASTER", "ACCIDENT", "PROTEST"})
NOMINAL_TYPES = frozenset({"ASSAULT", "DISASTER", "ACCIDENT"})


@dataclass(slots=True)
class _Draft:
    type: str
    trigger: Trigger
    start: int
    end: int
    sentence: int
    status: str
    actors: list[str]
    recipients: list[str]
    derived: set[str] = field(default_factory=set)  # recipients inferred from a visited city
    mode: str | None = None
    location: str | None = None
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    evidence: list[Span] = field(default_factory=list)
    more_places: list[str] = field(default_factory=list)  # "A और B में हमले": one event per place
    new_cases: frozenset[int] = frozenset()  # an epidemic report's new-case numbers (crossdoc round 10)


def _party_ok(name: str, res: Resources | None, lex: Lexicon) -> bool:
    return not lex.non_party_kinds or _place_kind(name, res) not in lex.non_party_kinds


def _place_kind(name: str, res: Resources | None) -> str:
    """The KB kind of a place (country, state, city …), '' when unknown."""
    kb = res.kb if res is not None and res.kb is not None else _default_kb()
    ent = kb.get(name) if kb is not None else None
    return ent.kind if ent is not None else ""


def _rel(d: _Draft) -> int:
    # offset of the trigger inside its sentence; sentences are matched by their start
    return d.start - d.evidence[0].start if d.evidence else 0
