"""How a report joins a cluster of reports: complete link, softened where a member only lacks the
evidence to match (round 21's soft links; round 24's table rows)."""

from __future__ import annotations

from collections.abc import Sequence

from .crossdoc_match import ROW_NO_FIGURE, Features, match
from .crossdoc_places import PlaceMap
from .crossdoc_types import Interval

# Flag (round 21): a report joins a cluster when it matches one member and no other member
# contradicts it; a member that only lacks the evidence to match (no party and no shared place,
# no date, only a place in common: a state's order beside a report naming only the state) does not
# keep it out, if published at most SOFT_LINK_DAYS from the report (a week's chain is no evidence)
SOFT_LINK = True
SOFT_LINK_DAYS = 1
_LACKING = frozenset({"no participants and no shared location", "no date to compare", "only places in common"})
# Flag (round 24): a table's row lacks words, not evidence against: a member with no figure of the row
# (a national count told as "600 से अधिक") does not keep it out; a row's day is its date, not the
# publication of the article whose table holds it
ROW_SOFT_LINK = True


def days_apart(a: Features, b: Features) -> int:
    """Days between two reports' publication (a table's row: its date; unknown on a side: as far as can be)."""
    pa, pb = _day_of(a), _day_of(b)
    if pa is None or pb is None:
        return 1 << 30
    return max(0, (pa[0] - pb[1]).days, (pb[0] - pa[1]).days)


def _day_of(f: Features) -> Interval | None:
    """The day a report tells of for SOFT_LINK_DAYS: its publication, or a table row's own date."""
    return f.date if ROW_SOFT_LINK and f.table and f.date is not None else f.published


def lacking(why: str) -> bool:
    """Whether a failed match only lacks evidence (SOFT_LINK), not contradicts."""
    return why in _LACKING or (ROW_SOFT_LINK and why == ROW_NO_FIGURE)


def joins(f: Features, members: Sequence[Features], inside: PlaceMap) -> bool:
    """Whether report ``f`` may join the cluster of ``members`` (complete link, or SOFT_LINK)."""
    matched = False
    for m in members:
        ok, why = match(f, m, inside)
        if ok:
            matched = True
        elif not (SOFT_LINK and lacking(why) and days_apart(f, m) <= SOFT_LINK_DAYS):
            return False
    return matched
