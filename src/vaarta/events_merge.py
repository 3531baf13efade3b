"""Splitting and merging event mentions for :mod:`vaarta.events`: one visit per travelling
country, one measure per imposing state, one nominal event per coordinated place, and the
mentions of one happening merged into one event.

Helpers of :mod:`vaarta.events`; pure functions of the drafts, the text and read-only resources.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import replace

from .events_draft import NOMINAL_TYPES, _Draft, _place_kind
from .events_lexicon import Lexicon
from .events_objects import measure_objects
from .events_places import _COORD_GAP, _as_district, _contains, _kb_inside, place_chains
from .model import Document, Entity, Resources, Span

# Whether mentions of one nominal event type in different places are one happening
# (an article usually reports one disaster or accident, named by town, district and state).
MERGE_ACROSS_PLACES = {"DISASTER": True, "ACCIDENT": True, "ASSAULT": False}
# Modes whose mentions at different places are different happenings, and whose mentions
# with and without a place are kept apart too: an epidemic report names cases and deaths
# place by place (दिल्ली और तेलंगाना में एक-एक मामला, चीन में 42 मौतें), unlike a flood.
PER_PLACE_MODES = frozenset({"epidemic"})
# Merged mentions of a nominal event keep the most specific place, nested by this document's
# place chains, or by the KB's hierarchy when the text calls it a district (उत्तराखंड भूकंप …
# चमोली जिले में: Chamoli district; "नागापटनम में तबाही" of a cyclone crossing Tamil Nadu's
# coast stays Tamil Nadu, as gold/dev has it).
KB_NESTING = True
# A measure's imposers named with ने include the names coordinated before it (राजस्थान, पंजाब
# और बिहार ने …); they are not its place, and states imposing one each make one measure each.
COORDINATED_AGENTS = True
SPLIT_EXTRA_KINDS = frozenset({"union-territory"})  # the KB's kind for Delhi, Jammu and Kashmir


# Acts each coordinated agent performs on its own (round 10, gold convention: "X और Y ने Z की
# सराहना की" is two SUPPORT events, one per praising party).
PER_ACTOR_TYPES = frozenset({"SUPPORT"})


def _split_visits(d: _Draft) -> list[_Draft]:
    """ब्रिटिश और कनाडाई प्रधानमंत्रियों ने … दौरा किया: one visit per travelling country; X और Y
    ने Z की सराहना की: one praise per praising party."""
    per_actor = d.type in PER_ACTOR_TYPES and bool(d.recipients)
    if (d.mode != "visit" and not per_actor) or len(d.actors) < 2:
        return [d]
    return [replace(d, actors=[a], recipients=list(d.recipients), derived=set(d.derived)) for a in d.actors]


def _coordinated(
    text: str, s_ments: Sequence[tuple[int, int, Entity]], agents: list[tuple[int, int, Entity]]
) -> list[tuple[int, int, Entity]]:
    """The agents with the names coordinated before each (राजस्थान, पंजाब और बिहार ने …)."""
    out = list(agents)
    for a in agents:
        i = s_ments.index(a) if a in s_ments else -1
        while i > 0 and _COORD_GAP.fullmatch(text[s_ments[i - 1][1] : s_ments[i][0]]):
            i -= 1
            if s_ments[i] not in out:
                out.append(s_ments[i])
    return sorted(out, key=lambda m: m[0])


def _split_authorities(d: _Draft, res: Resources | None, lex: Lexicon) -> list[_Draft]:
    """राजस्थान, पंजाब और बिहार ने लॉकडाउन की घोषणा की: one measure per state, each in force there."""
    if not COORDINATED_AGENTS or d.location or not d.actors or d.recipients:
        return [d]
    if not all(_place_kind(a, res) in lex.authority_kinds | SPLIT_EXTRA_KINDS for a in d.actors):
        return [d]
    return [replace(d, actors=[a], location=a, recipients=[], evidence=list(d.evidence)) for a in d.actors]


def _split_places(d: _Draft) -> list[_Draft]:
    """यूपी के मुरादाबाद और बिहार के औरंगाबाद में हमला: one nominal event per coordinated place."""
    if not d.more_places:
        return [d]
    return [d] + [
        replace(d, location=p, more_places=[], actors=list(d.actors), recipients=list(d.recipients), evidence=list(d.evidence))
        for p in d.more_places
    ]


# Crossdoc round 16: place-less epidemic counts (events_bulletins.PLACELESS_COUNTS) of different sentences
# are not merged with each other within an article: nothing tells that they are one place's count.
PLACELESS_APART = True


# Crossdoc round 17: an epidemic sentence dated weeks before publication ("भारत में पहली मौत 13 मार्च को हुई
# थी") is history, not the day's count of the same place it would merge with (which took its date and
# was then dropped across articles as "an earlier event recalled").
OLD_COUNT_APART = True
OLD_COUNT_DAYS = 14  # as crossdoc_match.BACKGROUND_DAYS


def _old(d: _Draft, published: str | None) -> bool:
    """Whether a draft is dated to a day more than OLD_COUNT_DAYS before ``published``."""
    if not (published and d.date and len(d.date) == 10):
        return False
    try:
        return (_dt.date.fromisoformat(published[:10]) - _dt.date.fromisoformat(d.date)).days > OLD_COUNT_DAYS
    except ValueError:
        return False


def _compatible(a: _Draft, b: _Draft, inside: set[tuple[str, str]] | None = None, published: str | None = None) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if OLD_COUNT_APART and (a.mode in PER_PLACE_MODES or b.mode in PER_PLACE_MODES) and _old(a, published) != _old(b, published):
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False  # 2001 and 2001-01-26 are one date at two precisions
    pa, pb = set(a.actors) | set(a.recipients), set(b.actors) | set(b.recipients)
    reversed_ = set(a.actors) & set(b.recipients) and set(b.actors) & set(a.recipients)
    if a.type in DIRECTED_TYPES and reversed_ and not set(a.actors) & set(b.actors):
        return False  # X supports Y, and Y supports X: two acts (round 10)
    if a.type in PER_ACTOR_TYPES and a.actors and b.actors and not (set(a.actors) - a.derived) & (set(b.actors) - b.derived):
        return False  # Y's praise and Z's praise of X are two acts (round 10)
    if a.type in NOMINAL_TYPES:
        la, lb = a.location, b.location
        nested = la and lb and (_contains(la, lb, inside or set()) or _contains(lb, la, inside or set()))
        if MERGE_ACROSS_PLACES.get(a.type) is False and la and lb and la != lb and not nested:
            return False
        if (a.mode in PER_PLACE_MODES or b.mode in PER_PLACE_MODES) and la != lb:
            return False  # India's count and Delhi's count are two reports
        if (
            PLACELESS_APART
            and (a.mode in PER_PLACE_MODES or b.mode in PER_PLACE_MODES)
            and la is None
            and lb is None
            and not (a.recipients or b.recipients)  # a named patient told twice is one report
            and a.sentence != b.sentence
        ):
            return False  # two place-less counts (a headline's 8447, a briefing's 8356): each its own report
        if a.new_cases and b.new_cases and not a.new_cases & b.new_cases:
            return False  # 149 new cases today, 125 the day before: two bulletins (crossdoc round 10)
        if a.mode and b.mode and a.mode != b.mode:
            return False
        return not (pa and pb) or bool(pa & pb)
    if a.mode == "visit" and b.mode == "visit" and set(a.actors) != set(b.actors):
        return False
    if "visit" in (a.mode, b.mode) and not (pa & pb):
        return False
    if a.mode in DISTINCT_MODES and b.mode in DISTINCT_MODES and a.mode != b.mode:
        return False  # a video conference and a phone call are two consultations
    if "measure" in (a.trigger.frame, b.trigger.frame) and a.trigger.frame != b.trigger.frame:
        return False  # a curfew imposed and an arrest made are two acts
    if MEASURES_PER_PLACE and a.trigger.frame == "measure" and _apart(a.location, b.location, inside or set()):
        return False  # India's district lockdowns and China's lockdown are two measures (crossdoc round 11)
    if MEASURE_PLACE_APART and a.trigger.frame == "measure" and (_placed_only(a, b) or _placed_only(b, a)):
        return False  # a place sealed by no one named and a leader's lockdown hint: two measures (crossdoc round 14)
    if not pa - a.derived or not pb - b.derived:
        return True  # no party named (only implied ones): the same act told again
    return bool((pa - a.derived) & (pb - b.derived)) or bool(pa & pb)


# Crossdoc round 11: measures (curfew, lockdown) in force at two places, neither inside the
# other, are two measures, even with no party named or only implied ones.
MEASURES_PER_PLACE = True

# Crossdoc round 14: a measure at a place with no party named (only the place's implied government)
# and a measure by a named party at no place are two measures: "इन जिलों के हॉटस्पॉट सील किए गए" and
# "प्रधानमंत्री ने लॉकडाउन बढ़ाने के संकेत दिए" told in one article are not one act.
MEASURE_PLACE_APART = True


def _placed_only(a: _Draft, b: _Draft) -> bool:
    """``a`` has a place and no named party; ``b`` a named party and no place."""
    named_a = (set(a.actors) | set(a.recipients)) - a.derived
    named_b = (set(b.actors) | set(b.recipients)) - b.derived
    return bool(a.location and not named_a and not b.location and named_b)


def _apart(la: str | None, lb: str | None, inside: set[tuple[str, str]]) -> bool:
    """Two places, neither inside the other."""
    return bool(la and lb and la != lb and not (_contains(la, lb, inside) or _contains(lb, la, inside)))


# Types whose direction matters: A → B and B → A are two events (round 10).
DIRECTED_TYPES = frozenset({"SUPPORT", "AID", "ACCUSE", "THREATEN"})


# CONSULT modes that tell two consultations apart (a meeting may be either's setting).
DISTINCT_MODES = frozenset({"video", "phone", "visit"})


# Whether a mention joins a compatible earlier event at its own place before the latest one.
SAME_PLACE_FIRST = True


# How many earlier events of its type and status a mention is compared with for merging (the
# latest first). Articles name far fewer; the bound keeps a book-length text linear.
MERGE_LOOKBACK = 200


# Flag (crossdoc round 21): two measures of one article whose sentences name disjoint kinds of object
# (schools closed, trains cancelled) are two events, as they are across articles
MEASURE_OBJECTS_SPLIT = True


def _merge(
    drafts: list[_Draft], doc: Document, mentions: Sequence[tuple[int, int, Entity]], lex: Lexicon, res: Resources | None = None
) -> list[_Draft]:
    out: list[_Draft] = []
    inside = {
        (c[i][2].name, c[j][2].name)
        for c in place_chains(doc.text, [m for m in mentions if m[2].type == "LOC"], lex)
        for i in range(len(c))
        for j in range(i + 1, len(c))
    }
    # merged events by (type, status), which _compatible requires to be equal, in creation order
    by_kind: dict[tuple[str, str], list[_Draft]] = {}
    seen: dict[int, set[Span]] = {}  # the spans of each evidence list, by the list's id (split drafts share one)
    districts: dict[str, bool] = {}
    objects: dict[int, set[str]] = {}  # measure drafts: the kinds of object their sentences name

    def same_objects(o: _Draft, d: _Draft) -> bool:
        if not (MEASURE_OBJECTS_SPLIT and o.trigger.frame == d.trigger.frame == "measure"):
            return True
        a, b = (
            objects.setdefault(id(x), set(measure_objects(doc.text[x.evidence[0].start : x.evidence[0].end]))) for x in (o, d)
        )
        return not (a and b) or bool(a & b)

    for d in drafts:
        pool = by_kind.setdefault((d.type, d.status), [])
        tgt = next(
            (o for o in reversed(pool[-MERGE_LOOKBACK:]) if _compatible(o, d, inside, doc.published) and same_objects(o, d)), None
        )
        if SAME_PLACE_FIRST and tgt is not None and tgt.date and d.location and tgt.location != d.location:
            # two happenings of different dates: a dateless mention joins the one at its own place,
            # not simply the latest ("गुजरात के भूकंप के समय … शनिवार का भूकंप": 2001 in Gujarat)
            same = next(
                (
                    o
                    for o in reversed(pool[-MERGE_LOOKBACK:])
                    if o.location == d.location and o.date and o.date != tgt.date and _compatible(o, d, inside, doc.published)
                ),
                None,
            )
            tgt = same if same is not None else tgt
        if tgt is None:
            out.append(d)
            pool.append(d)
            seen.setdefault(id(d.evidence), set(d.evidence))
            continue
        for a in d.actors:
            if a not in tgt.actors and a not in tgt.recipients:
                tgt.actors.append(a)
        for r in d.recipients:
            if r not in tgt.actors and r not in tgt.recipients:
                tgt.recipients.append(r)
        tgt.derived |= d.derived
        tgt.new_cases |= d.new_cases
        if id(d) in objects:
            objects[id(tgt)] |= objects[id(d)]  # a merged measure is about what each of its sentences names
        if tgt.mode is None or (tgt.mode == "meeting" and d.mode not in (None, "meeting")):
            tgt.mode = d.mode or tgt.mode
        if d.date and (not tgt.date or (len(d.date) > len(tgt.date) and d.date.startswith(tgt.date))):
            tgt.date = d.date  # the more precise date
        if tgt.location and d.location and tgt.type in NOMINAL_TYPES:
            more = _contains(tgt.location, d.location, inside)
            if not more and KB_NESTING and _kb_inside(tgt.location, d.location, res):
                if d.location not in districts:
                    districts[d.location] = _as_district(d.location, doc.text, mentions)
                more = districts[d.location]
            if more:
                tgt.location = d.location  # the more specific place names the happening
        tgt.location = tgt.location or d.location
        for k in ("killed", "injured"):
            a, b = getattr(tgt, k), getattr(d, k)
            setattr(tgt, k, max(x for x in (a, b) if x is not None) if (a is not None or b is not None) else None)
        have = seen[id(tgt.evidence)]
        for sp in d.evidence:
            if sp not in have:
                have.add(sp)
                tgt.evidence.append(sp)
    person_names = {m[2].name for m in mentions if m[2].type == "PER"}
    for o in out:
        real = [r for r in o.recipients if r not in o.derived]
        people = [r for r in real if r in person_names]
        if o.mode == "visit" and people:
            o.recipients = real
        o.evidence.sort(key=lambda s: s.start)
    return out
