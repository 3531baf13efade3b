"""Events: who did what to whom, when, where and how, read from Hindi clauses.

``find_events`` finds trigger words from the lexicon (``data/event_triggers.json``: verbal
light-verb constructions such as ``बातचीत की``, ``हस्ताक्षर किए``, and nominal events such as
``हमले में``, ``बाढ़ से``), reads the roles of the names in the trigger's clause
(:mod:`vaarta.events_roles`), its status from tense and modality, its mode, date (the time
expression of the same clause or sentence, never the publication date by itself), place and
casualties, and merges repeated mentions of one happening into one :class:`Event` with every
sentence as evidence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

import regex

from .entities_base import NATIONAL_IN
from .events_anaphora import HERE_TYPES, adjunct_agents, dispersed, place_of_here, state_of_count, state_of_paragraph
from .events_bulletins import (
    MEASURE_PRONOUN,
    NATIONAL_COUNTS,
    NATIONAL_MEASURES,
    PLACELESS_COUNTS,
    PRONOUN_MEASURE_AGENT,
    SPLIT_PLACE_COUNTS,
    VAGUE_COUNTS,
    countries_named,
    named_patients,
    national,
    new_case_counts,
    place_counts,
    placeless_count,
    running_toll,
    split_counts,
    vague_count,
)
from .events_clauses import (
    ANTECEDENT_SENTENCES,
    GENITIVE_MEASURE_AGENT,
    ROLE_ANNOUNCER,
    THAT,
    agent_mentions,
    content_party,
    embedded,
    genitive_agent,
    hazard_warning,
    in_adjunct,
    not_party,
    role_announcer,
    stated_allegation,
    unnamed_agent,
    word_end,
)
from .events_context import _Salient, _Times, sentence_mentions
from .events_draft import NOMINAL_TYPES, VIOLENT, _Draft, _party_ok, _place_kind
from .events_implied import PLACED_LATER_TYPES, authority_country, country_counts, place_told_after, subject_country
from .events_lexicon import Trigger, load_lexicon, match_at
from .events_merge import COORDINATED_AGENTS, _coordinated, _merge, _split_authorities, _split_places, _split_visits
from .events_places import event_places
from .events_roles import AGENT_MARKERS, casualties, clause_bounds, marker_memo, read_roles, status_of
from .events_rules import (
    AID_SEND_WORDS,
    NEGATED_FRAMES,
    _agents_before,
    _confidence,
    _epidemic_deaths,
    _imposed,
    _names_deaths,
    _place_and_mode,
    _place_before,
    _political_attack,
    _state_government,
    measure_place,
    question,
)
from .events_triggers import _inside, _speech_spans, _triggers_by_sentence, _triggers_in, _verb_follows
from .model import Document, Entity, Event, Resources, Span, TimeExpr

__all__ = ["find_events"]  # (_Salient, _Times, _triggers_in, _triggers_by_sentence are imported by tests from here)
_REEXPORTED = (_Salient, _Times, _triggers_in, _triggers_by_sentence)

# Modes reported only with a place or a named patient (events_bulletins.NAMED_PATIENTS): a count with no place
# (राज्य में 38) is background, unless it is a large count (events_bulletins.PLACELESS_COUNTS, round 16).
PLACE_REQUIRED_MODES = frozenset({"epidemic"})
# A patient referred back to (उसी व्यक्ति, उस मरीज): a sentence describing a reported case.
_EARLIER_PATIENT = regex.compile(
    r"(?<![\p{L}\p{M}])(?:उसी|उस)\s+(?:[\p{L}\p{M}]+\s+){0,2}?(?:व्यक्ति|शख्स|शख़्स|मरीज|युवक|युवती|कर्मचारी)(?![\p{L}\p{M}])"
)
# How many sentences back a day-precise time expression dates an event whose own sentence
# has none (measured on gold/dev: 1 gives +3 matches, more adds little and risks wrong days).
DATE_CARRY_SENTENCES = 1
# Whether a name inside a longer name (महाराष्ट्र in "महाराष्ट्र सरकार") is read as a name too.
NESTED_NAMES = True
# Flag (round 20): a place before a colon in the headline is its subject, not a dateline
HEADLINE_TOPIC = True
# Flag (round 20): a country a patient came back from does not make "देश में" that country's
TRAVEL_NOT_HOME = True
# How many sentences back a patient pronoun (उन्हें, इसे) finds the person it stands for (0: anywhere before)
PATIENT_SENTENCES = 1
# The patient of a passive clause named by a pronoun (उन्हें हिरासत में लिया गया).
_PATIENT_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}])(?:उन्हें|उन्हे|उसे|इन्हें|इसे)(?![\p{L}\p{M}])")
# Acts of a government that a passive or impersonal clause reports with no agent: the
# government of the country or state where it happened did them (round 7: releases too).
AUTHORITY_TYPES = frozenset({"COERCE", "CONCEDE", "SANCTION"})
# Round 8: a passive clause's agent is only a name with द्वारा / की ओर से (PASSIVE_AGENTS), and
# an agentless government act with no place is the state named with its organs (IMPLIED_STATE).
PASSIVE_AGENTS = True
PASSIVE_AGENT_MARKERS = frozenset({"द्वारा", "की ओर से", "की तरफ से"})
IMPLIED_STATE = True
# Round 10: an agreement or talks with no party named, in an article about one country, are
# that country's (the sides of its conflict: "हुए इस समझौते के तहत दोनों पक्ष …").
IMPLIED_SUBJECT = True
IMPLIED_SUBJECT_TYPES = frozenset({"AGREE", "CONSULT"})
# Round 10 (events_anaphora): यहां/वहां names the place of a sentence before (HERE_PLACES); a
# name with द्वारा inside a "… के बाद" adjunct is not the agent (ADJUNCT_AGENTS); police action
# with no party or place right after a placed protest is at the protest (DISPERSAL).
HERE_PLACES = True
ADJUNCT_AGENTS = True
ADJUNCT_MARKERS = frozenset({"द्वारा"})  # "X ने … के बाद Y किया": X is still the subject
DISPERSAL = True
# Crossdoc round 10: a place-by-place list whose trigger names deaths and gives no new ones ("गुजरात में
# छह, कर्नाटक में तीन … में कोविड-19 से मौत के दो मामले") gives each state's toll, not a bulletin.
SPLIT_TOLLS_DROP = False
# Crossdoc round 10 (events_anaphora.state_of_count): "राज्य में" of an epidemic count is the state named last.
STATE_PLACES = False  # tuning: one false pair (AU 28 Mar no. 5 + DJ 28 Mar no. 1), no gain; off
# A happening with no place is placed by a next sentence "ये घटना X में हुई" (round 8).
PLACE_TOLD_AFTER = True
# Acts performed by saying (ontology: a demand, accusation, refusal, threat or praise is an
# event even inside a quote or reported speech).
SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
# Types a verbal trigger may name as an intention (सहयोग बढ़ाने की इच्छा, मदद देने की पेशकश).
INTENTION_TYPES = frozenset({"COOPERATE", "SUPPORT", "AID", "CONSULT", "AGREE"})
# Interactions between parties: with no party named they are not reported (a participle such
# as "गांव पहुंचे अधिकारी", a "समझौते के तहत" with no signatory in the clause).
PARTICIPANTS_REQUIRED = frozenset(
    {"CONSULT", "AGREE", "AID", "ACCUSE", "CONCEDE", "COOPERATE", "REJECT", "SANCTION", "SUPPORT", "THREATEN", "RETREAT"}
)
# Types reported even with no party and no place (gold/dev: one PROTEST, one DISASTER of 134
# events; an accident is news by itself). Any other event with neither, nor a casualty count,
# is dropped (लॉकडाउन लागू होने के बाद से, a हत्या with no victim named: 5 of 5 such events
# on gold/dev were false positives; EDNIL types F1 0.855 → 0.869).
BARE_TYPES = frozenset({"DISASTER", "PROTEST", "ACCIDENT"})
# A negation belongs to a nominal trigger only right after it (हमला नहीं हुआ), not after its
# genitive complement (भूकंप की तीव्रता ज्यादा नहीं थी).
_NEG_NEAR = regex.compile(r"(?:\s+[\p{L}\p{M}]+)?\s+(?:नहीं|न)(?![\p{L}\p{M}])")
# A conversation partner: बात is a CONSULT only with one (X से बात, X के साथ बात).
_PARTNER = regex.compile(r"(?<![\p{L}\p{M}])(?:से|के\s+साथ|के\s+बीच|की\s+बीच|संग)(?![\p{L}\p{M}])")
# Talking to someone while saying something: an interview (… से बात करते हुए X ने कहा).
_INTERVIEW = regex.compile(r"\s*(?:करते|करती)\s+हुए(?![\p{L}\p{M}])[^।?!]*?(?<![\p{L}\p{M}])(?:कहा|बताया)(?![\p{L}\p{M}])")
# A crime named as a legal case: "हत्या के मामले में", "हत्या एक मामले में", "हमले की जांच".
_CASE = regex.compile(r"\s+(?:के|एक|की|का)\s+(?:मामले|मामला|केस|मुकदमे|मुक़दमे|जांच|जाँच|आरोप|साजिश|साज़िश)(?![\p{L}\p{M}])")
_NEXT_WORDS = regex.compile(r"(?:\s+[\p{L}\p{M}]+){0,4}")


# Crossdoc round 10: the words the entity stage reads as the home country in a count sentence
# (entities_places.home_country: देश/देशभर में … N मामले). They give a count its place (national)
# and nothing else: never a party, never an implied actor, never a measure's place.
HOME_WORDS = frozenset({"देश", "देशभर", "देश भर"})


def _next_of_type(found: Sequence[tuple[int, int, Trigger]]) -> list[int | None]:
    """For each trigger of a sentence (in text order), the start of the next one of its type."""
    out: list[int | None] = [None] * len(found)
    nxt: dict[str, int] = {}
    for i in range(len(found) - 1, -1, -1):
        out[i] = nxt.get(found[i][2].type)
        nxt[found[i][2].type] = found[i][0]
    return out


def find_events(doc: Document, entities: Sequence[Entity], times: Sequence[TimeExpr], res: Resources) -> list[Event]:
    """Events of ``doc``; every actor, recipient and location is a name from ``entities``."""
    lex = load_lexicon((res.extra or {}).get("event_triggers") if res else None)
    text = doc.text
    mentions = sorted(
        ((m.start, m.end, e) for e in entities for m in e.mentions if m.text not in HOME_WORDS), key=lambda x: (x[0], -x[1])
    )
    names = {e.name: e for e in entities}
    speech = _speech_spans(text)
    speech_starts = [s for s, _e in speech]
    drafts: list[_Draft] = []
    bounds = [(s.start, s.end) for s in doc.sentences]
    sent_triggers = _triggers_by_sentence([s.text for s in doc.sentences], lex)
    m_starts = [m[0] for m in mentions]
    people = _Salient(mentions, ("PER",))
    marker_after = marker_memo()  # the postposition after a name end, looked up once per end
    agents = _Salient(agent_mentions(text, mentions, lex, marker_after), ("PER",))  # persons named with ने
    dates = _Times(times, text, doc.published)
    countries = None  # country_counts of the document (computed once, when needed)
    epidemic_doc: bool | None = None  # whether the text speaks of an outbreak (computed once)
    epi_counts: dict[int, tuple[int | None, bool, bool]] = {}  # per sentence: _epidemic_deaths
    sent_casualties: dict[int, tuple[int | None, int | None]] = {}  # per sentence: casualties
    place_parts: dict[int, list[tuple[list[str], int, int]]] = {}  # per sentence: place_counts
    country_ments: list[tuple[int, str]] | None = None  # countries named (computed once, when needed)
    title_end = text.find("\n") if HEADLINE_TOPIC else -1  # the headline is the text's first line
    for si, sent in enumerate(doc.sentences):
        if not sent_triggers[si] or question(sent.text):
            continue
        base = sent.start
        s_ments = sentence_mentions(text, mentions, m_starts, (sent.start, sent.end), title_end, NESTED_NAMES)
        sm_starts = [m[0] for m in s_ments]
        sm_max_end = list(accumulate((m[1] for m in s_ments), max))  # by bisection: one long sentence stays linear
        following = _next_of_type(sent_triggers[si])
        for ti, (rs, re_, trig) in enumerate(sent_triggers[si]):
            a_s, a_e = base + rs, base + re_
            k = bisect_right(sm_starts, a_s)
            if k and sm_max_end[k - 1] > a_s:
                continue  # inside a name (राहत in an organisation's name …)
            in_speech = trig.type not in NOMINAL_TYPES and _inside(speech, speech_starts, a_s)
            if in_speech and trig.type not in SPEECH_ACTS and trig.frame != "announce":
                continue  # what someone said is a quote, not an event (unless saying it is the act)
            verb_end = a_e
            intention = None
            if trig.kind == "verb":
                ve = _verb_follows(sent.text, re_, lex)
                if ve is None:
                    # सहयोग को बढ़ाने की इच्छा जताई: an intention is a planned event
                    intention = lex.intention.match(sent.text, re_) if trig.type in INTENTION_TYPES else None
                    if intention is None:
                        continue
                    ve = intention.end()
                verb_end = base + ve
            elif trig.frame == "place_before" and not _place_before(text, s_ments, a_s):
                continue  # गए थे is a visit only after a place (बीजिंग गए थे) or दौरे पर
            if not intention and embedded(text, word_end(text, verb_end)):
                continue  # रिहा करने की मांग, समर्थन करने से इनकार, अपील करने के लिए: not itself a happening
            if trig.type == "ACCUSE" and stated_allegation(text, text[a_s:a_e], a_e):
                continue  # "उसके ऊपर आरोप था कि …": an allegation described, not made
            if trig.mode == "epidemic":
                # an outbreak report needs outbreak words in the article (धोखाधड़ी के नए मामले is
                # not one) and no other happening in its sentence (भूकंप से मरने वालों की संख्या)
                if epidemic_doc is None:
                    epidemic_doc = lex.epidemic_context is None or bool(lex.epidemic_context.search(text))
                if not epidemic_doc or any(t.type in NOMINAL_TYPES and t.mode != "epidemic" for *_x, t in sent_triggers[si]):
                    continue  # "हादसे में दो और लोगों की मौत": deaths of another happening
            if trig.type == "AID" and lex.aid_send_objects is not None and sent.text.startswith("भेज", rs):
                before = " ".join(sent.text[:rs].split()[-AID_SEND_WORDS:])
                if not lex.aid_send_objects.search(before):
                    continue  # "शवों को पोस्टमार्टम के लिए भेजा": sending, not aid
            if trig.type == "CONSULT" and text.startswith("बात ", a_s) and not _PARTNER.search(text, base, a_s):
                continue  # "इस तरह की बात कर रहे हों": talk, not a talk with someone (X से बात)
            if trig.type == "CONSULT" and _INTERVIEW.match(sent.text, re_):
                continue  # "एएफ़पी से बात करते हुए उन्होंने कहा": an interview, not a consultation
            if trig.frame == "measure" and not _imposed(sent.text, rs, re_, lex):
                continue  # "लॉकडाउन के दौरान", "कर्फ्यू के बावजूद": a state, not its imposition
            c_s, c_e = clause_bounds(sent.text, rs, re_)
            r_ments = [m for m in s_ments if not not_party(text, m[1])]  # not "WHO से पहले", "अमेरिकी डॉलर"
            roles = read_roles(text, r_ments, base + c_s, a_s, a_e, lex, marker_after)
            # (no sets: hashing an entity hashes all its mentions, every time)
            if not roles.actors and all(r in roles.places for r in roles.recipients):
                # the clause may continue an earlier one: look back to the sentence start
                wide = read_roles(text, r_ments, base, a_s, a_e, lex, marker_after)
                roles.actors = wide.actors
                roles.recipients = wide.recipients or roles.recipients
                roles.places = roles.places or wide.places
            if trig.frame == "announce" and not roles.actors:
                # "X ने कहा कि सरकार Y को एक करोड़ रुपये देगी": the one announcing gives
                roles.actors = read_roles(text, r_ments, base, a_s, a_e, lex, marker_after).actors
            if not roles.actors and ROLE_ANNOUNCER and trig.type == "AID":  # "वित्त मंत्री ने संकेत दिए कि …" (crossdoc round 11)
                roles.actors = role_announcer(text, mentions, m_starts, base, a_s, doc.sentences[max(0, si - 2)].start)
            status = "planned" if intention else status_of(text, a_s, verb_end, base + c_e, lex, trig.halt)
            if status == "negated" and trig.type in NOMINAL_TYPES and not match_at(_NEG_NEAR, text, verb_end):
                status = "occurred"  # भूकंप की तीव्रता ज्यादा नहीं थी: the negation is of another predicate
            if in_speech and status != "occurred" and trig.frame != "announce":
                continue  # "भारत समर्थन करेगा", said: a promise reported, not an act performed
            d = _Draft(trig.type, trig, a_s, a_e, si, status, [], [])
            after = _NEXT_WORDS.match(text[a_e : base + c_e])
            passive = bool(lex.passive.search(text[a_s : a_e + (after.end() if after else 0)]))
            if trig.frame == "measure":
                # curfew, lockdown: imposed on a place; the imposer only when named with ने
                # (the agent may follow the noun: "लॉकडाउन को बढ़ाने की मोदी द्वारा घोषणा")
                agent_ms = [
                    m for m in s_ments if base + c_s <= m[0] < base + c_e and marker_after(text, m[1], lex)[0] in AGENT_MARKERS
                ]
                if not agent_ms and GENITIVE_MEASURE_AGENT:  # "पीएम के … लॉकडाउन के आदेश" (crossdoc round 11)
                    agent_ms = genitive_agent(text, s_ments, base + c_s, a_s, a_e)
                if COORDINATED_AGENTS:
                    agent_ms = _coordinated(text, s_ments, agent_ms)
                roles.actors, roles.recipients = [m[2] for m in agent_ms], []
                if not agent_ms and PRONOUN_MEASURE_AGENT and MEASURE_PRONOUN.search(text, base + c_s, a_s):
                    # "उन्होंने पूरे देश में लॉकडाउन की घोषणा की": the person just named (round 11)
                    roles.actors = people.before(base + c_s, 1, doc.sentences[max(0, si - 1)].start)
                passive = True
            if passive and PASSIVE_AGENTS and trig.type in AUTHORITY_TYPES and trig.frame != "measure":
                # "X ने … मांग की थी जिन्हें … पकड़ा गया": a passive verb's agent is named with द्वारा,
                # never with ने (that name is the subject of another clause)
                roles.actors = [
                    e
                    for e in roles.actors
                    if any(m[2] is e and marker_after(text, m[1], lex)[0] in PASSIVE_AGENT_MARKERS for m in r_ments if m[0] < a_s)
                ]
            if trig.type == "PROTEST":
                # protesters are rarely named; a name after से/को is what they protest about
                roles.actors = [e for e in roles.actors if e.type != "LOC"]
                roles.recipients = []
                passive = True
            if passive and not roles.recipients and _PATIENT_PRONOUN.search(text, base + c_s, a_s):
                # उन्हें/इसे … गिरफ्तार किया: the person last named, in this sentence or the one before (a
                # pronoun does not reach back to a byline: "इसे सील कर दिया" is a shop, not the reporter)
                near = doc.sentences[max(0, si - PATIENT_SENTENCES)].start if PATIENT_SENTENCES else 0
                roles.recipients = people.before(base + c_s, 1, near)
            adjunct = ADJUNCT_AGENTS and adjunct_agents(
                text, r_ments, a_s, ADJUNCT_MARKERS, lambda t, p: marker_after(t, p, lex)[0]
            )
            if adjunct:
                # "X द्वारा घोषणा करने के कुछ घंटे बाद मजदूर सड़क पर आ गए": X acted in the adjunct
                roles.actors = [e for e in roles.actors if e not in adjunct]
            actors = [e.name for e in roles.actors]
            if not actors and trig.type not in NOMINAL_TYPES and not passive and not adjunct:
                # a dropped subject continues a recent one; उन्होंने may continue a topic further up
                back = ANTECEDENT_SENTENCES if not roles.pronoun else 0
                lo = doc.sentences[max(0, si - back + 1)].start if back else 0
                if roles.both:
                    actors = [e.name for e in people.before(a_s, 2)]
                elif (roles.pronoun or trig.kind == "verb") and not unnamed_agent(text, base + c_s, a_s, s_ments):
                    # उन्होंने / a dropped subject continues the last person named as an agent
                    ante = agents.before(base + c_s, 1, lo) or people.before(base + c_s, 1, lo)
                    actors = [e.name for e in ante]
            recips = [e.name for e in roles.recipients if e.name not in actors]
            if trig.type == "ACCUSE" and not recips and (that := match_at(THAT, text, verb_end)):
                # "भाजपा ने आरोप लगाया कि कांग्रेस …": the accusation is about its content's subject
                about = content_party(text, that.end(), sent.end, r_ments, actors)
                recips = [about.name] if about is not None else []
            if trig.type in NOMINAL_TYPES and in_adjunct(text, a_e):
                actors, recips = [], []  # "हमले के दौरान … गिरफ़्तार": the names are of the main clause
            if trig.type in ("DISASTER", "ACCIDENT"):  # their place carries them (ontology); a named case its person
                actors, recips = [], named_patients(text, s_ments, sent.start, sent.end) if trig.mode == "epidemic" else []
            elif trig.type == "ASSAULT" and match_at(_CASE, text, a_e):
                actors, recips = [], []  # "हत्या के मामले में पूछताछ": the names are of the case, not the act
            elif trig.type == "ASSAULT":
                actors = [a for a in actors if names[a].type != "LOC"]
                recips = [r for r in recips if names[r].type != "LOC"]
            cities = lex.capital_country
            # a city is a place, not an actor; nor is a town, a building or a news agency (KB kind)
            actors = [a for a in dict.fromkeys(actors) if a not in cities and _party_ok(a, res, lex)]
            recips = [r for r in dict.fromkeys(recips) if r not in cities and r not in actors and _party_ok(r, res, lex)]
            d.actors = actors
            d.recipients = recips
            d.evidence = [Span(sent.start, sent.end)]
            place_ments = s_ments
            if trig.frame == "measure" and COORDINATED_AGENTS and agent_ms:
                place_ments = [m for m in s_ments if m not in agent_ms]  # the imposers are not its place
            elif trig.mode == "epidemic" and lex.epidemic_not_place is not None:
                # "इटली से लौटा", "इटली के 16 पर्यटक": where a patient came from or belongs, not the count's place
                place_ments = [m for m in s_ments if not match_at(lex.epidemic_not_place, text, m[1])]
                if len(place_ments) < len(s_ments) and _EARLIER_PATIENT.search(sent.text):
                    continue  # "दिल्ली के उसी व्यक्ति … जो इटली से लौटा": a known patient's travel, not a report
            _place_and_mode(text, d, trig, sent.text, roles.places, place_ments, lex, names, sent_triggers[si])
            if HERE_PLACES and not d.location and trig.type in HERE_TYPES:
                # "… बांद्रा में … । मजदूर यहां सड़क पर आ गए": the place named just before (round 10)
                d.location = place_of_here(text, bounds, si, (base + c_s, a_s), mentions, m_starts, lex)
            if STATE_PLACES and not d.location and d.mode == "epidemic":
                # "केरल … । राज्य में पहली मौत हुई है": the state named just before (crossdoc round 10)
                d.location = state_of_count(text, bounds, si, mentions, m_starts, lambda n: _place_kind(n, res))
            if not d.location and not d.actors and trig.frame == "measure":  # a state's paragraph (round 19)
                d.location = state_of_paragraph(text, bounds, si, mentions, m_starts, lambda n: _place_kind(n, res))
            # (round 11: a measure by no one named, "देश के 75 जिलों में लॉकडाउन किया गया", is the country's)
            national_ok = (d.mode == "epidemic" and NATIONAL_COUNTS) or (
                trig.frame == "measure" and NATIONAL_MEASURES and not d.actors
            )
            if national_ok and not d.location:
                # "देश में 149 नए मामले": in an Indian paper the country is India (round 9)
                # (only when the article names India: a location is one of its entities)
                if country_ments is None:
                    country_ments = countries_named(mentions, res, text, lex.epidemic_not_place if TRAVEL_NOT_HOME else None)
                if trig.frame == "measure":
                    home = national(text, (base + c_s, base + c_e), country_ments, NATIONAL_IN)
                else:
                    home = national(text, (sent.start, sent.end), country_ments)
                d.location = home if home in names else None
            if trig.frame == "measure":  # "दिल्ली सरकार ने … आदेश", "गाजियाबाद के 13, नोएडा के 12 … सील" (crossdoc round 14)
                measure_place(d, names, res, lex)
            if (
                trig.type == "ASSAULT"
                and trig.mode is None
                and d.actors
                and _political_attack(d, sent.text, names, res, lex, _agents_before(text, s_ments, a_s, lex))
            ):
                # "भाजपा ने राज्य सरकार पर हमला किया": words, not blows (an ACCUSE, at no place)
                d.type, d.mode, d.location, d.more_places = "ACCUSE", None, None, []
                if not d.recipients and lex.state_government is not None and lex.state_government.search(sent.text):
                    d.recipients = _state_government(names, res, lex)
            unnamed = trig.type in AUTHORITY_TYPES and not d.actors and (passive or not d.recipients) and d.location
            if unnamed and _place_kind(d.location or "", res) in lex.authority_kinds:
                # a curfew, an arrest, a release with no named agent (… में कैदियों को रिहा किया गया):
                # the place's government did it; implied, so it does not keep named mentions apart
                d.actors = [d.location or ""]
                d.derived.add(d.location or "")
            elif (
                IMPLIED_STATE
                and trig.type in AUTHORITY_TYPES
                and trig.frame != "measure"
                and passive
                and not d.actors
                and not d.location
            ):
                # "उन्हें हिरासत में लिया गया" with no place: the state the article names with its organs
                own = [m[2].name for m in s_ments if base + c_s <= m[0] < base + c_e]
                if countries is None:
                    countries = country_counts(text, mentions)
                state = authority_country(countries, own)
                if state is not None and state not in d.recipients:
                    d.actors = [state]
                    d.derived.add(state)
            if d.mode == "visit" and not d.actors:
                continue  # "सभी लोगों ने ईरान की यात्रा की थी": a journey by no one named is no visit
            if trig.frame in NEGATED_FRAMES:
                d.status = "negated"  # "समिति की बैठक स्थगित": called off; "रिपोर्ट निगेटिव आई": no case
            stop = None if following[ti] is None else base + following[ti]
            past = d.status == "occurred"  # a past happening is dated up to publication (PAST_DAYS)
            if dates.within(base + c_s, base + c_e):
                d.date = dates.date(base + c_s, base + c_e, a_s, stop, past)
            elif c_s == 0 and c_e == len(sent.text):
                d.date = dates.date(sent.start, sent.end, a_s, stop, past)
            if d.date is None and DATE_CARRY_SENTENCES and not dates.within(sent.start, sent.end):
                # narrative time carries over: "सोमवार को X हुआ। उन्होंने Y की मांग की।" (not into a
                # sentence that gives its own time, "चार मार्च तक 29 मामले", crossdoc round 17)
                d.date = dates.last_day(doc.sentences[max(0, si - DATE_CARRY_SENTENCES)].start, base, past)
            if trig.type in VIOLENT:
                if si not in sent_casualties:
                    sent_casualties[si] = casualties(sent.text, lex)
                d.killed, d.injured = sent_casualties[si]
            if d.mode == "epidemic":
                if VAGUE_COUNTS and vague_count(sent.text, lex):
                    continue  # "कई राज्यों में बड़ी तादाद में नए मामले": a summary, not a bulletin (round 10)
                if si not in epi_counts:
                    epi_counts[si] = _epidemic_deaths(sent.text, lex)
                new, total, new_cases = epi_counts[si]
                if running_toll(total, new_cases, text[a_s:a_e], lex):
                    continue  # a running toll, not a report of new deaths
                d.killed = new if new is not None else (None if total else d.killed)
                d.new_cases = new_case_counts(sent.text)
            if trig.type in NOMINAL_TYPES and status == "planned":
                continue  # "… तो विस्फोट होगा": a figure of speech, not a happening
            no_place = d.mode in PLACE_REQUIRED_MODES and not d.location and not d.recipients
            if no_place and not (PLACELESS_COUNTS and placeless_count(sent.text)):
                continue  # an epidemic count with no place (राज्य में 38), unless a large count
            if IMPLIED_SUBJECT and trig.type in IMPLIED_SUBJECT_TYPES and not d.actors and not d.recipients:
                # "इस समझौते के तहत दोनों पक्ष …" in an article about one country: its parties (round 10)
                if countries is None:
                    countries = country_counts(text, mentions)
                subject = subject_country(countries[0])
                if subject is not None and subject in names and not in_speech:
                    d.actors = [subject]
                    d.derived.add(subject)
            if trig.type == "THREATEN" and not d.recipients and hazard_warning(text, sent.start, a_s, a_e, sent.end):
                continue  # "WHO ने चेतावनी दी है कि … खतरा बढ़ रहा है": a hazard, not a threat (crossdoc round 11)
            if trig.type in PARTICIPANTS_REQUIRED and not d.actors and not d.recipients:
                continue  # a meeting, agreement or reply between no one named (गांव पहुंचे अधिकारी)
            if d.mode == "epidemic" and SPLIT_PLACE_COUNTS:
                if si not in place_parts:  # "महाराष्ट्र में 186, केरल में 176": one report per place (round 9)
                    place_parts[si] = place_counts(
                        text, (sent.start, sent.end), [m for m in place_ments if m[2].type == "LOC"], lex
                    )
                if place_parts[si]:
                    if SPLIT_TOLLS_DROP and d.killed is None and _names_deaths(text[a_s:a_e], lex):
                        continue  # "गुजरात में छह, कर्नाटक में तीन … मौत के दो मामले": tolls by state (crossdoc round 10)
                    drafts.extend(split_counts(d, text, place_parts[si], lex))
                    continue
            for dd in _split_visits(d) if trig.frame != "measure" else _split_authorities(d, res, lex):
                drafts.extend(_split_places(dd))
    merged = _merge(drafts, doc, mentions, lex, res)
    if DISPERSAL:
        dispersed(merged, bounds)  # "… सड़कों पर उतर आए … पुलिस ने लाठीचार्ज किया": at the protest
    if PLACE_TOLD_AFTER:
        locs = [m for m in mentions if m[2].type == "LOC"]
        loc_starts = [m[0] for m in locs]

        def locs_in(s: int, e: int) -> list[tuple[int, int, Entity]]:
            return locs[bisect_left(loc_starts, s) : bisect_left(loc_starts, e)]

        for d in merged:
            if d.location is None and not d.actors and not d.recipients and d.type in PLACED_LATER_TYPES:
                last = max(bisect_right(bounds, (sp.start, len(text) + 1)) - 1 for sp in d.evidence)
                d.location = place_told_after(
                    text, bounds, last, locs_in, lambda s, e: next(iter(event_places(text, locs_in(s, e), e, lex)), None)
                )
    events = [
        d for d in merged if d.actors or d.recipients or d.location or d.type in BARE_TYPES or d.killed or d.injured
    ]  # after merging: a bare mention may have joined a named one
    return [
        Event(
            type=d.type,
            status=d.status,  # type: ignore[arg-type]
            actors=tuple(d.actors),
            recipients=tuple(r for r in d.recipients if r not in d.actors),
            evidence=tuple(d.evidence),
            mode=d.mode,
            location=d.location,
            date=d.date,
            killed=d.killed,
            injured=d.injured,
            confidence=_confidence(d.trigger.kind, d.type),
            trigger=text[d.start : d.end],
        )
        for d in events
    ]
