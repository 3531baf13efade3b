"""What a measure closes or restricts, so that two measures of one place and day stay apart.

A state closes its schools on the day its metro stops and its malls shut: the events stage
types each as ``COERCE`` (a measure, spec/ontology.md: "ban") with the same place and date, and
the pair test of :mod:`vaarta.crossdoc_match` would merge them. Each report's evidence names
what the measure is about: :func:`measure_objects` reads the kinds of object it names
(:data:`OBJECTS`); two reports whose evidence names objects of disjoint kinds are two measures.

A report whose evidence names no object (``सरकार ने कई कदम उठाए``) is not kept apart by this
rule, and a round-up sentence naming several kinds overlaps with each of them.
"""

from __future__ import annotations

from collections.abc import Mapping

from .crossdoc_places import chain
from .events_objects import OBJECTS, measure_objects

# Flag: measures whose evidence names disjoint kinds of object are different events
MEASURE_OBJECTS_APART = True
# Event types whose reports are measures (a ban, a closure, a suspension, a travel restriction)
MEASURE_TYPES = frozenset({"COERCE", "SANCTION"})

# (the vocabulary lives with the events stage, which keeps measures of different objects apart too)
__all__ = ["OBJECTS", "different_measures", "local_and_national", "measure_objects"]


def different_measures(type_: str, a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two reports of ``type_`` with these objects are different measures."""
    return MEASURE_OBJECTS_APART and type_ in MEASURE_TYPES and bool(a) and bool(b) and not a & b


# Flag (round 20): a measure of a district or a city is not the country's measure (a village sealed in
# Deoghar is not the national lockdown), though the district lies inside the country; a district's and
# its state's measures may still be one (a state seals hotspots, a city reports its own)
LOCAL_MEASURE_APART = True


def local_and_national(type_: str, loc_a: str | None, loc_b: str | None, inside: Mapping[str, str]) -> bool:
    """Whether two measures' places lie two or more levels apart, one inside the other (``inside``: place
    → the place containing it): a district's or a city's measure and the country's."""
    if not (LOCAL_MEASURE_APART and type_ in MEASURE_TYPES and loc_a and loc_b):
        return False
    inner, outer = sorted((chain(loc_a, inside), chain(loc_b, inside)), key=len, reverse=True)
    return outer[0] in inner and inner.index(outer[0]) >= 2
