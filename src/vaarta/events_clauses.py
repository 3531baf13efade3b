"""Clause-level rules of :mod:`vaarta.events` (round 7): who a dropped subject or pronoun is,
subjects that are named but not entities, embedded non-finite clauses, and the party an
accusation is about.

Each rule is a general fact of Hindi grammar or news usage, with a unit test on a sentence
written for it (``tests/test_events_clauses.py``). Helpers of :mod:`vaarta.events`; pure
functions of the text, its mentions and read-only resources.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from .events_lexicon import WORD_END, WORD_START, Lexicon, match_at
from .events_roles import AGENT_MARKERS, CLAUSE_BREAK, MarkerFn, marker_after
from .model import Entity

# How many sentences back the antecedent of a dropped subject or of उन्होंने may be (the
# sentence of the trigger included): a person last named ten sentences up is not the subject.
ANTECEDENT_SENTENCES = 2

# An agent that is a common noun, not a name: a plural (ग्रामीणों ने, सभी लोगों ने, अधिकारियों
# ने) or an indefinite one (एक मजदूर ने). The subject is explicit, so it is not the last person
# named; its event has no named actor.
_UNNAMED_AGENT = regex.compile(
    WORD_START + r"(?:(?:एक|कुछ|कई|सभी|तमाम|अन्य|स्थानीय)\s+[\p{L}\p{M}]+|[\p{L}\p{M}]+(?:ों|ओं|यों))" + r"\s+ने" + WORD_END
)

# A verbal trigger's light verb as an infinitive embedded in another predicate: the act is
# demanded (रिहा करने की मांग), refused (समर्थन करने से इनकार), alleged (मदद करने के आरोप में),
# a purpose (अपील करने के लिए, क्वारंटाइन करने गई) or a wish (वार्ता करना चाहते हैं) — not
# itself a happening.
_EMBEDDED = regex.compile(
    r"\s*(?:(?:की|का)\s+(?:मांग|माँग|अपील|आग्रह|अनुरोध|गुहार)"
    r"|से\s+(?:भी\s+)?(?:(?:यह|ये)\s+(?:कहते|कहकर)\s+(?:हुए\s+)?)?(?:इनकार|इंकार|मना)"
    r"|(?:के|का|की)\s+(?:आरोप|आरोपों|इल्जाम|इल्ज़ाम)"
    r"|के\s+लिए"
    r"|(?:को\s+)?(?:गई|गए|गया|गयी|आई|आए|आया|पहुंच|पहुँच)"
    r"|(?:चाहते|चाहता|चाहती|चाहिए|चाहिये|चाहेंगे|चाहेगा))" + WORD_END
)
_INFINITIVE = regex.compile(r"(?:ने|ना|नी)$")
# An allegation stated as a fact, not an act (उसके ऊपर आरोप था कि …, के भी आरोप हैं): आरोप with
# only a copula after it.
_COPULA = regex.compile(r"\s*(?:(?:भी|ही)\s+)?(?:है|हैं|था|थे|थी|थीं)" + WORD_END)
# "X से पहले/बाद": a point in time (WHO से पहले पाकिस्तान …), not a party.
_TEMPORAL = regex.compile(r"\s*(?:से|के)\s+(?:पहले|पूर्व|बाद)" + WORD_END)
# A demonym naming a currency (20 करोड़ अमेरिकी डॉलर): no party.
_CURRENCY = regex.compile(r"\s*(?:डॉलर|डालर|रुपये|रुपए|रुपया|यूरो|पाउंड|येन|युआन|दिनार|रियाल)" + WORD_END)
# A nominal trigger inside an adjunct of time or cause (हमले के दौरान … गिरफ़्तार, हमले के बाद
# … दौरा रद्द): the clause's names are parties of the main predicate, not of the nominal event.
_ADJUNCT = regex.compile(r"\s*(?:के|की|से)\s+(?:दौरान|बाद|पहले|कारण|चलते|वजह|मद्देनज़र|मद्देनजर|बावजूद|तुरंत\s+बाद)" + WORD_END)


def unnamed_agent(text: str, start: int, end: int, mentions: Sequence[tuple[int, int, Entity]]) -> bool:
    """Whether [start, end) has an agent that is a plural or indefinite common noun."""
    for m in _UNNAMED_AGENT.finditer(text, start, end):
        if not any(ms < m.end() and m.start() < me for ms, me, _ in mentions):
            return True
    return False


def embedded(text: str, verb_end: int) -> bool:
    """Whether the light verb ending at ``verb_end`` is an infinitive embedded in another
    predicate (… करने की मांग, … करने से इनकार, … करने के लिए, … करना चाहते हैं)."""
    if not _INFINITIVE.search(text, max(0, verb_end - 3), verb_end):
        return False
    return bool(match_at(_EMBEDDED, text, verb_end))


def stated_allegation(text: str, trig: str, verb_start: int) -> bool:
    """आरोप followed only by a copula: an allegation described, not made."""
    return trig.startswith("आरोप") and bool(match_at(_COPULA, text, verb_start))


def not_party(text: str, end: int) -> bool:
    """A name ending at ``end`` used as a time point (X से पहले) or a currency (अमेरिकी डॉलर)."""
    return bool(match_at(_TEMPORAL, text, end) or match_at(_CURRENCY, text, end))


def in_adjunct(text: str, trig_end: int) -> bool:
    return bool(match_at(_ADJUNCT, text, trig_end))


def agent_mentions(
    text: str, mentions: Sequence[tuple[int, int, Entity]], lex: Lexicon, marker_at: MarkerFn = marker_after
) -> list[tuple[int, int, Entity]]:
    """Mentions of persons named as agents (X ने, X द्वारा, X का कहना): the subjects a later
    उन्होंने or dropped subject continues (``marker_at``: :func:`marker_after` or a memo of it)."""
    out = []
    for m in mentions:
        if m[2].type != "PER":
            continue
        marker, _end = marker_at(text, m[1], lex)
        if marker in AGENT_MARKERS or (marker == "का" and text.startswith("कहना", _end + 1)):
            out.append(m)
    return out


def content_party(
    text: str, start: int, end: int, mentions: Sequence[tuple[int, int, Entity]], skip: Sequence[str]
) -> Entity | None:
    """The first party named in the content clause of an accusation (आरोप लगाया कि कांग्रेस …):
    whom it is about. ``start`` is after the ``कि``; the clause ends at the next break."""
    m = CLAUSE_BREAK.search(text, start, end)
    stop = m.start() if m else end
    found = [e for ms, me, e in mentions if start <= ms and me <= stop and e.name not in skip and e.type in ("PER", "ORG", "LOC")]
    # the clause's subject, not a genitive before it: "मोदी सरकार की लड़ाई में कांग्रेस …" is about कांग्रेस
    bare = [e for ms, me, e in mentions if start <= ms and me <= stop and e in found and not match_at(_GENITIVE_AFTER, text, me)]
    return bare[0] if bare else (found[0] if found else None)


# A name's noun phrase ending in a genitive: "मोदी सरकार की", "भारत के".
_GENITIVE_AFTER = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+)?(?:के|की|का)(?![\p{L}\p{M}])")


# The content clause after a light verb: "आरोप लगाया कि …", "शिकायत की थी कि …".
THAT = regex.compile(r"\s*(?:(?:है|हैं|था|थी|थे)\s*)?,?\s*कि" + WORD_END)
_WORD_REST = regex.compile(r"[\p{L}\p{M}]*")


def word_end(text: str, pos: int) -> int:
    """The end of the word ``pos`` is in (a trigger may end inside one: क्वारंटाइन कर|ाने)."""
    m = match_at(_WORD_REST, text, pos)
    return m.end() if m else pos


# Crossdoc round 11: a measure's agent named in the genitive — "पीएम के (अपने संबोधन में …) लॉकडाउन
# के आदेश", "मुख्यमंत्री X के कर्फ्यू के ऐलान": a person or organisation, the last name before the
# measure noun, with at most GENITIVE_AGENT_WORDS words, no punctuation and no ने between, and the noun
# followed by its order or announcement. (A place in the genitive is the measure's place.)
GENITIVE_MEASURE_AGENT = True
GENITIVE_AGENT_WORDS = 8
_GENITIVE_GAP = regex.compile(  # no other agent in between ("X के कहने पर पुलिस ने …")
    r"\s*(?:के|की|का)\s+(?:(?!(?:ने|द्वारा)\s)[\p{L}\p{M}\d]+\s+){0," + str(GENITIVE_AGENT_WORDS) + "}"
)
_ORDERED = regex.compile(r"\s*(?:के|की|का)\s+(?:आदेश|आदेशों|ऐलान|एलान|घोषणा|फैसले|फैसला|फ़ैसले|फ़ैसला|निर्णय|निर्देश)" + WORD_END)


def genitive_agent(
    text: str, mentions: Sequence[tuple[int, int, Entity]], clause_start: int, trig_start: int, trig_end: int
) -> list[tuple[int, int, Entity]]:
    """The name whose order or announcement a measure is (``[]`` when none): "पीएम के अपने संबोधन
    में 21 दिनों के लॉकडाउन के आदेश के बाद" → the PM's mention."""
    if not match_at(_ORDERED, text, trig_end):
        return []
    before = [m for m in mentions if clause_start <= m[0] and m[1] <= trig_start]
    if not before:
        return []
    last = max(before, key=lambda m: m[1])
    if last[2].type not in ("PER", "ORG") or not _GENITIVE_GAP.fullmatch(text, last[1], trig_start):
        return []
    return [last]


# Crossdoc round 11: an announcement (AID "announce" frame) in a clause whose subject is a bare role
# ("वित्त मंत्री ने संकेत दिए कि … राहत पैकेज की घोषणा की जा सकती है") is by the person last named with
# that role just before ("वित्त मंत्री निर्मला सीतारमण ने …" one or two sentences up).
ROLE_ANNOUNCER = True
_ROLE_AGENT = regex.compile(
    WORD_START + r"((?:[\p{L}\p{M}]+\s+)?(?:मंत्री|मुख्यमंत्री|प्रधानमंत्री|राष्ट्रपति|राज्यपाल|अध्यक्ष|गवर्नर))\s+ने" + WORD_END
)


def role_announcer(
    text: str, mentions: Sequence[tuple[int, int, Entity]], starts: Sequence[int], sent_start: int, trig_start: int, lo: int
) -> list[Entity]:
    """The person a bare role subject of the sentence before ``trig_start`` names: the last person
    in [lo, sent_start) written right after the same role ("वित्त मंत्री निर्मला सीतारमण")."""
    roles = list(_ROLE_AGENT.finditer(text, sent_start, trig_start))
    if not roles:
        return []
    role = " ".join(roles[-1].group(1).split())
    for s, _e, ent in reversed(mentions[bisect_left(starts, lo) : bisect_left(starts, sent_start)]):
        if ent.type == "PER" and " ".join(text[max(0, s - len(role) - 4) : s].split()).endswith(role):
            return [ent]
    return []


# Crossdoc round 11: a warning of a hazard is no threat (ontology: THREATEN is a threat of force or
# sanctions). "चेतावनी" with no recipient and no act of the warner in what follows ("WHO ने चेतावनी
# दी है कि … खतरा बढ़ रहा है", "भारी बारिश की चेतावनी") is not reported; "X को चेतावनी", "कार्रवाई
# की चेतावनी", "… चेतावनी दी कि अगर … तो …" stay threats.
HAZARD_WARNINGS = True
_WARNING = regex.compile(r"चेतावनी")
_THREAT_CONTENT = regex.compile(
    WORD_START
    + r"(?:अगर|यदि|तो|वरना|नहीं\s+तो|कार्रवाई|कार्यवाही|जवाब|जवाबी|अंजाम|हमला|हमले|हमलों|प्रतिबंध|प्रतिबंधों|सबक|बदला|युद्ध|सैन्य|परमाणु|नतीजे|परिणाम)"
    + WORD_END
)


def hazard_warning(text: str, sent_start: int, trig_start: int, trig_end: int, sent_end: int) -> bool:
    """Whether a THREATEN trigger is a warning of a hazard: चेतावनी, and no threatened act in its
    sentence (the caller checks that no recipient is named)."""
    if not (HAZARD_WARNINGS and _WARNING.match(text, trig_start)):
        return False
    return not _THREAT_CONTENT.search(text, sent_start, sent_end)
