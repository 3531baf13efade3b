"""Round 10: what a clause leaves to its neighbours — places named earlier (यहां, वहां), the
agent of a nominalised adjunct, and a crowd dispersed where it gathered.

Helpers of :mod:`vaarta.events`; pure functions of the text and its name mentions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

import regex

from .events_context import dateline
from .events_draft import _Draft
from .events_lexicon import Lexicon
from .events_places import event_places
from .model import Entity

_W = r"(?![\p{L}\p{M}])"
# "यहां/वहां" points at a place named before: "X में … । वहां लोग सड़कों पर उतर आए" (not वहीं,
# which is mostly "meanwhile", nor यहां तक, "even").
_HERE = regex.compile(r"(?<![\p{L}\p{M}])(?:यहां|यहाँ|वहां|वहाँ)" + _W + r"(?!\s+तक" + _W + ")")
HERE_TYPES = frozenset({"PROTEST", "ASSAULT", "ACCIDENT", "DISASTER", "COERCE"})
# Sentences back searched for the place यहां/वहां points at.
HERE_SENTENCES = 2
# A nominalised clause ending in "के (कुछ ही घंटे) बाद": "X द्वारा घोषणा करने के कुछ घंटे बाद
# मजदूर सड़क पर आ गए" — X is the agent of the announcement, not of what followed it.
_AFTER = regex.compile(r"(?<![\p{L}\p{M}])(?:के|की)\s+(?:[\p{L}\p{M}]+\s+){0,3}?(?:बाद|पश्चात)" + _W)
# Sentences after a protest in which a partyless, placeless police action is taken to be
# against that crowd (लाठीचार्ज, हिरासत): it happened where the crowd was.
DISPERSAL_SENTENCES = 3


def place_of_here(
    text: str,
    bounds: Sequence[tuple[int, int]],
    si: int,
    clause: tuple[int, int],
    mentions: Sequence[tuple[int, int, Entity]],
    m_starts: Sequence[int],
    lex: Lexicon,
) -> str | None:
    """The place a यहां/वहां of the clause points at: the place of the nearest of the
    ``HERE_SENTENCES`` sentences before sentence ``si`` that names one (datelines left out)."""
    if not _HERE.search(text, clause[0], clause[1]):
        return None
    for s, e in reversed(bounds[max(0, si - HERE_SENTENCES) : si]):
        locs = [m for m in mentions[bisect_left(m_starts, s) : bisect_left(m_starts, e)] if _place(text, m)]
        places = event_places(text, locs, e, lex) if locs else []
        if places:
            return places[0]
    return None


def adjunct_agents(
    text: str, ments: Sequence[tuple[int, int, Entity]], trig_start: int, agent_markers: frozenset[str], marker: object
) -> list[Entity]:
    """Agents of the clause named with द्वारा inside a nominalised "… के बाद" adjunct before the
    trigger (``marker(text, end)`` is the postposition after a name)."""
    out = []
    for m in ments:
        if m[1] <= trig_start and marker(text, m[1]) in agent_markers and _AFTER.search(text, m[1], trig_start):  # type: ignore[operator]
            out.append(m[2])
    return out


def dispersed(events: Sequence[_Draft], bounds: Sequence[tuple[int, int]]) -> None:
    """A COERCE with no party and no place told within ``DISPERSAL_SENTENCES`` after a placed
    protest (… सड़कों पर उतर आए … पुलिस ने लाठीचार्ज किया) happened at the protest, that day."""
    starts = [b[0] for b in bounds]

    def sent(pos: int) -> int:
        return max(0, bisect_left(starts, pos + 1) - 1)

    protests = [(max(sent(sp.start) for sp in p.evidence), p) for p in events if p.type == "PROTEST" and p.location]
    for d in events:
        if d.type != "COERCE" or d.actors or d.recipients or d.location or d.trigger.frame == "measure":
            continue
        first = min(sent(sp.start) for sp in d.evidence)
        near = [p for last, p in protests if 0 <= first - last <= DISPERSAL_SENTENCES]
        if near:
            d.location = near[-1].location
            d.date = d.date or near[-1].date


# Crossdoc round 10: "राज्य में" of an epidemic count with no place names the state the article is about:
# "केरल … । शनिवार को राज्य में इस वायरस से पहली मौत हुई है" is Kerala's. The state is the last one
# named (KB kind state or union territory) before the phrase, in its sentence or the
# STATE_SENTENCES before it; "हर राज्य में", "किसी राज्य में", "X राज्य में" (a name) are not it.
STATE_SENTENCES = 2
STATE_KINDS = frozenset({"state", "union-territory", "union territory"})
_THE_STATE = regex.compile(r"(?<![\p{L}\p{M}])(?<!(?:हर|किसी|सभी|प्रत्येक|दूसरे|अन्य|एक)\s+)राज्य\s+(?:में|के)" + _W)


def state_of_count(
    text: str,
    bounds: Sequence[tuple[int, int]],
    si: int,
    mentions: Sequence[tuple[int, int, Entity]],
    m_starts: Sequence[int],
    kind: Callable[[str], str],
) -> str | None:
    """The state a bare "राज्य में/के" of sentence ``si`` points at (``kind(name)``: the KB kind)."""
    s0, e0 = bounds[si]
    m = _THE_STATE.search(text, s0, e0)
    if m is None:
        return None
    lo = bounds[max(0, si - STATE_SENTENCES)][0]
    before = mentions[bisect_left(m_starts, lo) : bisect_left(m_starts, m.start())]
    if before and before[-1][1] == m.start() - 1:
        return None  # "केरल राज्य में": the name is there
    for x in reversed(before):
        if _place(text, x) and kind(x[2].name) in STATE_KINDS:
            return x[2].name
    return None


def _place(text: str, mention: tuple[int, int, Entity]) -> bool:
    """Whether a mention names a place of the text (not a dateline's city)."""
    return mention[2].type == "LOC" and not dateline(text, mention[1])


# A measure told with no place and no one named (सभी स्कूल-कॉलेज 22 मार्च तक बंद कर दिए गए हैं)
# in a paragraph that opens with a state (यूपी में कोरोना के 11 केस … । … बंद कर दिए गए हैं):
# a round-up of states gives each state a paragraph, and the measure is that state's.
PARAGRAPH_STATES = True
# The kinds of place a paragraph's opening gives its measures: a state, and (round 20) a district or a
# city (a local page's paragraph: "आगरा में … । … छापा मारकर … सील कर दिया गया")
PARAGRAPH_KINDS = STATE_KINDS | {"district", "city"}
_PARAGRAPH_BREAK = regex.compile(r"\n\s*\n")
# a sentence about many states or the country is no one state's (देश के कई राज्यों ने … बंद कर दिया)
_NOT_ONE_STATE = regex.compile(r"(?<![\p{L}\p{M}])(?:राज्यों|देश|देशों|प्रदेशों)" + _W)


def state_of_paragraph(
    text: str,
    bounds: Sequence[tuple[int, int]],
    si: int,
    mentions: Sequence[tuple[int, int, Entity]],
    m_starts: Sequence[int],
    kind: Callable[[str], str],
) -> str | None:
    """The state (or district or city, :data:`PARAGRAPH_KINDS`) the paragraph of sentence ``si`` opens
    with: the first place named in the paragraph's first sentence, if of such a kind (``kind(name)``:
    the KB kind)."""
    if not PARAGRAPH_STATES:
        return None
    s0 = bounds[si][0]
    if _NOT_ONE_STATE.search(text, s0, bounds[si][1]):
        return None
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, s0)]
    start = breaks[-1] if breaks else 0
    i = bisect_left(bounds, (start,))  # the paragraph's first sentence
    if i >= len(bounds) or bounds[i][0] > s0:
        return None
    first = bounds[i]
    for x in mentions[bisect_left(m_starts, first[0]) : bisect_left(m_starts, first[1])]:
        if _place(text, x):
            return x[2].name if kind(x[2].name) in PARAGRAPH_KINDS else None
    return None
