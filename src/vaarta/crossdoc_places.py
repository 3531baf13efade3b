"""Places for across-article merging: which place lies inside which.

A :class:`PlaceMap` wraps a child → parent map of folded place names (by default the
bundled knowledge base's hierarchy, :func:`place_hierarchy`: Chamoli district →
Uttarakhand → India) and memoises each place's chain of containing places: the chain is a
pure function of the name and the map, and merging asks for it in every pair test (the hot
spot of incremental merging, docs/benchmarks.md "Merging across articles").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .crossdoc_types import fold


class PlaceMap(Mapping[str, str]):
    """A read-only child → parent map of folded place names with memoised chains."""

    __slots__ = ("_chains", "_names", "_parent", "_tops")

    def __init__(self, parent: Mapping[str, str]) -> None:
        self._parent = dict(parent)
        self._chains: dict[str, tuple[str, ...]] = {}
        self._names = frozenset(self._parent) | frozenset(self._parent.values())
        self._tops = frozenset(self._parent.values()) - frozenset(self._parent)

    def __getitem__(self, key: str) -> str:
        return self._parent[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parent)

    def __len__(self) -> int:
        return len(self._parent)

    def is_place(self, folded: str) -> bool:
        """Whether a folded name is a place of the map (a child or a parent)."""
        return folded in self._names

    def is_country(self, folded: str) -> bool:
        """Whether a folded name is a top place of the map: one containing others and contained in
        none (a country), not a place the map does not know."""
        return folded in self._tops

    def chain(self, loc: str) -> tuple[str, ...]:
        """A place and the places containing it, folded, innermost first. ``Banda, Uttar
        Pradesh`` (a place written with its state) is Banda inside Uttar Pradesh."""
        got = self._chains.get(loc)
        if got is None:
            got = self._chains[loc] = _walk(loc, self._parent)
        return got


def _walk(loc: str, inside: Mapping[str, str]) -> tuple[str, ...]:
    parts = [p for p in (x.strip() for x in fold(loc).split(",")) if p]
    out: list[str] = []
    for p in parts or [fold(loc)]:
        cur = p
        while cur not in out:
            out.append(cur)
            if cur not in inside:
                break
            cur = inside[cur]
    return tuple(out)


def as_place_map(inside: Mapping[str, str] | None) -> PlaceMap:
    """A :class:`PlaceMap` for ``inside``: None → the knowledge base's hierarchy (one shared,
    memoised map), a PlaceMap → itself, any other mapping → its names folded."""
    if inside is None:
        return place_hierarchy()
    if isinstance(inside, PlaceMap):
        return inside
    return PlaceMap({fold(k): fold(v) for k, v in inside.items()})


def chain(loc: str, inside: Mapping[str, str]) -> tuple[str, ...]:
    if isinstance(inside, PlaceMap):
        return inside.chain(loc)
    return _walk(loc, inside)


def place_relation(a: str, b: str, inside: Mapping[str, str], exact: bool = False) -> str:
    """``same`` | ``nested`` (one inside the other) | ``different``."""
    ca, cb = chain(a, inside), chain(b, inside)
    if ca[0] == cb[0]:
        return "same"
    if not exact and (ca[0] in cb or cb[0] in ca):
        return "nested"
    return "different"


def loc_ok(a: str | None, b: str | None, inside: Mapping[str, str], exact: bool = False) -> tuple[bool, str]:
    if a is None or b is None:
        return True, "location unknown on one side"
    rel = place_relation(a, b, inside, exact)
    if rel == "same":
        return True, "same location"
    if rel == "nested":
        return True, "one location inside the other"
    return False, "different locations"


_HIERARCHY: dict[str, PlaceMap] = {}


def place_hierarchy(kb: Any = None) -> PlaceMap:
    """Folded place name → folded name of the place containing it (state, else country),
    from a :class:`~vaarta.kb.KnowledgeBase` (default: the bundled one; cached)."""
    if kb is None:
        if "default" not in _HIERARCHY:
            try:
                from .kb import default_kb

                _HIERARCHY["default"] = place_hierarchy(default_kb())
            except (ImportError, OSError):
                _HIERARCHY["default"] = PlaceMap({})
        return _HIERARCHY["default"]
    out: dict[str, str] = {}
    for e in kb:
        if e.type != "LOC":
            continue
        name = fold(e.name)
        parent = next((p for p in (e.region, e.country) if p and fold(p) != name), None)
        if parent:
            out[name] = fold(parent)
    return PlaceMap(out)
