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
from dataclasses import dataclass, field, replace

import regex

from .events_lexicon import WORD_START, Lexicon, Trigger, load_lexicon, match_at
from .events_places import (
    _COORD_GAP,
    _IN,
    _as_district,
    _contains,
    _default_kb,
    _kb_inside,
    event_places,
    place_chains,
)
from .events_roles import (
    AGENT_MARKERS,
    casualties,
    clause_bounds,
    marker_after,
    mode_cue,
    parse_number,
    read_roles,
    status_of,
)
from .model import Document, Entity, Event, Resources, Span, TimeExpr

__all__ = ["find_events"]

# Whether mentions of one nominal event type in different places are one happening
# (an article usually reports one disaster or accident, named by town, district and state).
MERGE_ACROSS_PLACES = {"DISASTER": True, "ACCIDENT": True, "ASSAULT": False}
# Modes whose mentions at different places are different happenings, and whose mentions
# with and without a place are kept apart too: an epidemic report names cases and deaths
# place by place (दिल्ली और तेलंगाना में एक-एक मामला, चीन में 42 मौतें), unlike a flood.
PER_PLACE_MODES = frozenset({"epidemic"})
# Modes reported only with a place: a count with no place (राज्य में 38, दुनियाभर में 10 लाख)
# is background, and no other article's report can be told to be the same one.
PLACE_REQUIRED_MODES = frozenset({"epidemic"})
# Epidemic reports whose sentence gives only a running death toll (चीन में अब तक 2,912 मौतें,
# मरने वालों की संख्या 2,912 हो गई) and no new count: "drop" drops those whose trigger names
# the deaths, "all" every such report, "" keeps them (their killed is never the total).
EPIDEMIC_TOTAL_DROP = "drop"
# Merged mentions of a nominal event keep the most specific place, nested by this document's
# place chains, or by the KB's hierarchy when the text calls it a district (उत्तराखंड भूकंप …
# चमोली जिले में: Chamoli district; "नागापटनम में तबाही" of a cyclone crossing Tamil Nadu's
# coast stays Tamil Nadu, as gold/dev has it).
KB_NESTING = True
# A patient referred back to (उसी व्यक्ति, उस मरीज): a sentence describing a reported case.
_EARLIER_PATIENT = regex.compile(
    r"(?<![\p{L}\p{M}])(?:उसी|उस)\s+(?:[\p{L}\p{M}]+\s+){0,2}?(?:व्यक्ति|शख्स|शख़्स|मरीज|युवक|युवती|कर्मचारी)(?![\p{L}\p{M}])"
)
# A measure's imposers named with ने include the names coordinated before it (राजस्थान, पंजाब
# और बिहार ने …); they are not its place, and states imposing one each make one measure each.
COORDINATED_AGENTS = True
SPLIT_EXTRA_KINDS = frozenset({"union-territory"})  # the KB's kind for Delhi, Jammu and Kashmir
VIOLENT = frozenset({"ASSAULT", "DISASTER", "ACCIDENT", "PROTEST"})
NOMINAL_TYPES = frozenset({"ASSAULT", "DISASTER", "ACCIDENT"})
# How many sentences back a day-precise time expression dates an event whose own sentence
# has none (measured on gold/dev: 1 gives +3 matches, more adds little and risks wrong days).
DATE_CARRY_SENTENCES = 1
# The patient of a passive clause named by a pronoun (उन्हें हिरासत में लिया गया).
_PATIENT_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}])(?:उन्हें|उन्हे|उसे|इन्हें|इसे)(?![\p{L}\p{M}])")
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
_RANGE_END = regex.compile(
    r"\s*(?:से\s+[^।,;]{1,25}?\s+तक|(?:(?:की|के|को)\s+(?:आधी\s+)?(?:रात|सुबह|शाम|दोपहर)(?:\s+[\p{L}\p{M}\d]+){0,3}?\s+)?तक)"
    r"(?![\p{L}\p{M}])"
)  # "31 मार्च की आधी रात तक": the end of a period too
# Talking to someone while saying something: an interview (… से बात करते हुए X ने कहा).
_INTERVIEW = regex.compile(r"\s*(?:करते|करती)\s+हुए(?![\p{L}\p{M}])[^।?!]*?(?<![\p{L}\p{M}])(?:कहा|बताया)(?![\p{L}\p{M}])")
# A crime named as a legal case: "हत्या के मामले में", "हत्या एक मामले में", "हमले की जांच".
_CASE = regex.compile(r"\s+(?:के|एक|की|का)\s+(?:मामले|मामला|केस|मुकदमे|मुक़दमे|जांच|जाँच|आरोप|साजिश|साज़िश)(?![\p{L}\p{M}])")
_DATELINE = regex.compile(r"[ \t]*:")
# Words after a bare measure noun (लॉकडाउन …) searched for an imposition cue (लगाया, लागू …):
# "लॉकडाउन को तीन मई तक बढ़ाने" needs 5.
MEASURE_CUE_WORDS = 6
# Words before a bare "भेजा" searched for what is sent (मास्क, राहत सामग्री, टीम …).
AID_SEND_WORDS = 8
# Confidence by trigger kind: light-verb constructions are more reliable than bare nouns.
CONFIDENCE = {"verb": 0.7, "noun": 0.6}
# Confidence by type: (matches + 1) / (system events + 2) on gold/dev with oracle inputs
# (bench/bench_events.py --drop-check, round 5). An event's confidence is the mean of its
# kind's and its type's. Dropping the lowest classes (RETREAT, SANCTION, PROTEST: 1-2 events
# each) raises gold/dev F1 by at most 0.004 and the demo corpus's not at all (PROTEST: -0.008),
# so none is dropped.
TYPE_MATCH_RATE = {
    "ACCIDENT": (3, 3), "ACCUSE": (2, 8), "AGREE": (1, 1), "AID": (5, 8), "ASSAULT": (8, 21),
    "COERCE": (10, 14), "CONCEDE": (1, 3), "CONSULT": (11, 16), "COOPERATE": (2, 2),
    "DISASTER": (3, 11), "MOBILIZE": (0, 1), "PROTEST": (0, 1), "REJECT": (5, 6),
    "REQUEST": (11, 17), "RETREAT": (0, 2), "SANCTION": (0, 1), "SUPPORT": (5, 5),
}  # fmt: skip


def _confidence(kind: str, type_: str) -> float:
    tp, n = TYPE_MATCH_RATE.get(type_, (0, 0))
    return round((CONFIDENCE.get(kind, 0.5) + (tp + 1) / (n + 2)) / 2, 2)


# Speech content: quotation marks, and the clause after a verb of saying.
_QUOTED = regex.compile(r"[“\"‘][^“”\"‘’]{3,}?[”\"’]")
_SAID = regex.compile(r"(?:कहा|बताया|कहना\s+है|कहना\s+था)\s*,?\s*कि\s+[^।?!\n]*?(?=[।?!\n]|\.(?:\s|$)|$)")
# Particles that may sit between a verbal trigger and its light verb.
_PARTICLES = regex.compile(r"\s+(?:भी|ही|तो|नहीं|न)(?=\s)")
_AUX_OK = regex.compile(
    r"\s*(?:$|[।.,;:?!\"”’)]|(?:है|हैं|था|थी|थे|गई|गया|गए|गयी|दी|दिया|लिया|ली|रहे|रही|रहा|चुके|चुकी|सकते|सकता|सकती|"
    r"जा|जाएगी|जाएगा|और|कि|थीं|हुए|हुई|हुआ|हो|होगी|होगा|करेंगे|करेगा|करेगी|करने|दें|दे|जाए|जाएं|गयीं|गईं|पड़ा)(?![\p{L}\p{M}]))"
)
_SPACES = regex.compile(r"\s*")
_NEXT_WORDS = regex.compile(r"(?:\s+[\p{L}\p{M}]+){0,4}")
_PLACE_GAP = regex.compile(r"\s*(?:से\s+)?$")  # बीजिंग गए थे, मास्को से गए थे
_ON_TRIP = regex.compile(r"(?:पर|में)\s*$")  # दौरे पर गए थे
_MEET = regex.compile(r"(?:बैठक|मुलाकात|मुलाक़ात|भेंट|मिल|मीटिंग)")


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


def _speech_spans(text: str) -> list[tuple[int, int]]:
    """Quoted and reported-speech spans, merged where they overlap, in text order."""
    spans = sorted([(m.start(), m.end()) for m in _QUOTED.finditer(text)] + [(m.start(), m.end()) for m in _SAID.finditer(text)])
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``spans`` (``starts``: their starts)."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


def _triggers_in(sent: str, lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    """Non-overlapping trigger matches in a sentence, longest first then lexicon order."""
    return _non_overlapping(
        [(m.start(), m.end(), t) for t in lex.triggers for m in t.pattern.finditer(sent) if m.end() > m.start()]
    )


def _non_overlapping(found: list[tuple[int, int, Trigger]]) -> list[tuple[int, int, Trigger]]:
    found.sort(key=lambda x: (-(x[1] - x[0]), x[2].rank))
    kept: list[tuple[int, int, Trigger]] = []  # disjoint, in text order
    starts: list[int] = []
    for f in found:
        i = bisect_right(starts, f[0])  # kept[i - 1] starts at or before f, kept[i] after it
        if (i and kept[i - 1][1] > f[0]) or (i < len(kept) and kept[i][0] < f[1]):
            continue
        kept.insert(i, f)
        starts.insert(i, f[0])
    return kept


# Joins the sentences of a document for one trigger pass: a newline on each side looks like
# the end/start of a string to every trigger's look-arounds (\s, not a letter), and NUL, which
# no trigger matches, keeps a match from running into the next sentence.
_SENT_SEP = "\n\x00\n"


def _triggers_by_sentence(sents: Sequence[str], lex: Lexicon) -> list[list[tuple[int, int, Trigger]]]:
    """``[_triggers_in(s, lex) for s in sents]`` from one pass per trigger over the joined
    sentences instead of one per trigger and sentence (the stage's hot loop)."""
    joined = _SENT_SEP.join(sents)
    starts: list[int] = []
    pos = 0
    for s in sents:
        starts.append(pos)
        pos += len(s) + len(_SENT_SEP)
    found: list[list[tuple[int, int, Trigger]]] = [[] for _ in sents]
    prefixes = lex.prefixes if len(lex.prefixes) == len(lex.triggers) else (None,) * len(lex.triggers)
    where: dict[int, dict[str, list[int]]] = {}  # word starts by their first 1, 2, 3 characters
    for t, pre in zip(lex.triggers, prefixes, strict=True):
        if pre is None:
            spans = [m.span() for m in t.pattern.finditer(joined)]
        else:
            # every match starts with one of ``pre``: try the pattern only where one occurs,
            # resuming after each match as finditer does (same matches, a fraction of the scan)
            spans = []
            last = 0
            for pos in sorted({i for p in pre for i in _occurrences(joined, p, where)}):
                if pos >= last:
                    m = match_at(t.pattern, joined, pos)
                    if m:
                        spans.append(m.span())
                        last = m.end()
        for a, b in spans:
            if b > a:
                i = bisect_right(starts, a) - 1
                found[i].append((a - starts[i], b - starts[i], t))
    return [_non_overlapping(f) if f else f for f in found]


_WORD_STARTS = regex.compile(WORD_START + r"\p{L}")


def _occurrences(text: str, lit: str, cache: dict[int, dict[str, list[int]]]) -> list[int]:
    """Word starts of ``text`` where ``lit`` begins (every trigger match starts at a word start:
    its pattern begins with WORD_START and a letter)."""
    by_len = cache.get(len(lit))
    if by_len is None:
        starts = cache.get(0)
        if starts is None:
            starts = cache[0] = {"": [m.start() for m in _WORD_STARTS.finditer(text)]}
        by_len = cache[len(lit)] = {}
        n = len(lit)
        for i in starts[""]:
            by_len.setdefault(text[i : i + n], []).append(i)
    return by_len.get(lit, [])


def _verb_follows(sent: str, end: int, lex: Lexicon) -> int | None:
    """End of the light verb after a verbal trigger, or None when none follows."""
    pos = end
    while True:
        p = _PARTICLES.match(sent, pos)
        if not p:
            break
        pos = p.end()
    m = _SPACES.match(sent, pos)
    pos = m.end() if m else pos
    lv = lex.light_verb.match(sent, pos)
    if not lv:
        return None
    # "सहयोग की सराहना की": the light-verb look-alike is a genitive before another noun
    if lv.group() in ("की", "के", "का") and not _AUX_OK.match(sent, lv.end()):
        return None
    return lv.end()


class _Salient:
    """The last distinct entities of some types mentioned before a position: what
    ``sorted(mentions, key=-start)`` walked from the position gave, from one sorted list built
    once per document (a walk per event made the stage quadratic on long articles)."""

    def __init__(self, mentions: Sequence[tuple[int, int, Entity]], types: tuple[str, ...]) -> None:
        # latest first; mentions with one start keep their order (a stable sort)
        self.desc = sorted((m for m in mentions if m[2].type in types), key=lambda m: -m[0])
        self.neg_starts = [-m[0] for m in self.desc]
        # the next index whose entity differs from this one's (skips a run of one name)
        self.other = [0] * len(self.desc)
        nxt = len(self.desc)
        for i in range(len(self.desc) - 1, -1, -1):
            if i + 1 < len(self.desc) and self.desc[i + 1][2] != self.desc[i][2]:
                nxt = i + 1
            self.other[i] = nxt

    def before(self, pos: int, n: int) -> list[Entity]:
        out: list[Entity] = []
        i = bisect_right(self.neg_starts, -pos)  # the first mention starting before pos
        while i < len(self.desc) and len(out) < n:
            ent = self.desc[i][2]
            if ent in out:
                i = self.other[i]
                continue
            out.append(ent)
            i += 1
        return out


class _Times:
    """Time expressions by start, for the dates of events (bisect instead of a scan per event)."""

    def __init__(self, times: Sequence[TimeExpr], text: str) -> None:
        self.times = sorted(times, key=lambda t: t.start)  # stable: the stage's order within a start
        self.starts = [t.start for t in self.times]
        self.text = text
        self._range_end: dict[int, bool] = {}

    def _in(self, s: int, e: int) -> list[TimeExpr]:
        lo, hi = bisect_left(self.starts, s), bisect_left(self.starts, e + 1)
        return [t for t in self.times[lo:hi] if t.end <= e]

    def range_end(self, t: TimeExpr) -> bool:
        """Whether ``t`` ends a range or a period (… से … तक, … तक)."""
        got = self._range_end.get(t.end)
        if got is None:
            got = self._range_end[t.end] = bool(match_at(_RANGE_END, self.text, t.end))
        return got

    def within(self, s: int, e: int) -> bool:
        return bool(self._in(s, e))

    def date(self, s: int, e: int, at: int) -> str | None:
        # "1 मई से 15 मई तक स्कूल बंद": the ends of a range date a period, not a happening
        inside = [t for t in self._in(s, e) if not self.range_end(t)]
        if not inside:
            return None
        before = [t for t in inside if t.start < at]
        t = before[-1] if before else inside[0]
        return t.value

    def last_day(self, lo: int, hi: int) -> str | None:
        """The value of the last day-precise time starting in [lo, hi), not a range's end."""
        a, b = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        for t in reversed(self.times[a:b]):
            if t.value and len(t.value) == 10 and not self.range_end(t):
                return t.value
        return None


def find_events(doc: Document, entities: Sequence[Entity], times: Sequence[TimeExpr], res: Resources) -> list[Event]:
    """Events of ``doc``; every actor, recipient and location is a name from ``entities``."""
    lex = load_lexicon((res.extra or {}).get("event_triggers") if res else None)
    text = doc.text
    mentions = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: (x[0], -x[1]))
    names = {e.name: e for e in entities}
    speech = _speech_spans(text)
    speech_starts = [s for s, _e in speech]
    drafts: list[_Draft] = []
    sent_triggers = _triggers_by_sentence([s.text for s in doc.sentences], lex)
    m_starts = [m[0] for m in mentions]
    people = _Salient(mentions, ("PER",))
    dates = _Times(times, text)
    epidemic_doc: bool | None = None  # whether the text speaks of an outbreak (computed once)
    epi_counts: dict[int, tuple[int | None, bool, bool]] = {}  # per sentence: _epidemic_deaths
    for si, sent in enumerate(doc.sentences):
        if not sent_triggers[si]:
            continue
        base = sent.start
        # a dateline (नई दिल्ली: …, मुंबई : …) names where the reporter is, not a participant or place
        lo, hi = bisect_left(m_starts, sent.start), bisect_right(m_starts, sent.end)
        s_ments = [m for m in mentions[lo:hi] if m[1] <= sent.end and not match_at(_DATELINE, text, m[1])]
        for rs, re_, trig in sent_triggers[si]:
            a_s, a_e = base + rs, base + re_
            if any(ms <= a_s < me for ms, me, _ in s_ments):
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
            if trig.type == "CONSULT" and _INTERVIEW.match(sent.text, re_):
                continue  # "एएफ़पी से बात करते हुए उन्होंने कहा": an interview, not a consultation
            if trig.frame == "measure" and not _imposed(sent.text, rs, re_, lex):
                continue  # "लॉकडाउन के दौरान", "कर्फ्यू के बावजूद": a state, not its imposition
            c_s, c_e = clause_bounds(sent.text, rs, re_)
            roles = read_roles(text, s_ments, base + c_s, a_s, a_e, lex)
            # (no sets: hashing an entity hashes all its mentions, every time)
            if not roles.actors and all(r in roles.places for r in roles.recipients):
                # the clause may continue an earlier one: look back to the sentence start
                wide = read_roles(text, s_ments, base, a_s, a_e, lex)
                roles.actors = wide.actors
                roles.recipients = wide.recipients or roles.recipients
                roles.places = roles.places or wide.places
            if trig.frame == "announce" and not roles.actors:
                # "X ने कहा कि सरकार Y को एक करोड़ रुपये देगी": the one announcing gives
                roles.actors = read_roles(text, s_ments, base, a_s, a_e, lex).actors
            status = "planned" if intention else status_of(text, a_s, verb_end, base + c_e, lex)
            if status == "negated" and trig.type in NOMINAL_TYPES and not match_at(_NEG_NEAR, text, verb_end):
                status = "occurred"  # भूकंप की तीव्रता ज्यादा नहीं थी: the negation is of another predicate
            if in_speech and status != "occurred" and trig.frame != "announce":
                continue  # "भारत समर्थन करेगा", said: a promise reported, not an act performed
            d = _Draft(trig.type, trig, a_s, a_e, si, status, [], [])
            after = _NEXT_WORDS.match(text[a_e : base + c_e])
            passive = bool(lex.passive.search(text[a_s : a_e + (after.end() if after else 0)]))
            if trig.frame == "measure":
                # curfew, lockdown: imposed on a place; the imposer only when named with ने
                agent_ms = [m for m in s_ments if base + c_s <= m[0] < a_s and marker_after(text, m[1], lex)[0] in AGENT_MARKERS]
                if COORDINATED_AGENTS:
                    agent_ms = _coordinated(text, s_ments, agent_ms)
                roles.actors, roles.recipients = [m[2] for m in agent_ms], []
                passive = True
            if trig.type == "PROTEST":
                # protesters are rarely named; a name after से/को is what they protest about
                roles.actors = [e for e in roles.actors if e.type != "LOC"]
                roles.recipients = []
                passive = True
            if passive and not roles.recipients and _PATIENT_PRONOUN.search(text, base + c_s, a_s):
                roles.recipients = people.before(base + c_s, 1)
            actors = [e.name for e in roles.actors]
            if not actors and trig.type not in NOMINAL_TYPES and not passive:
                if roles.both:
                    actors = [e.name for e in people.before(a_s, 2)]
                elif roles.pronoun or trig.kind == "verb":
                    actors = [e.name for e in people.before(base + c_s, 1)]
            recips = [e.name for e in roles.recipients if e.name not in actors]
            if trig.type in ("DISASTER", "ACCIDENT"):
                actors, recips = [], []  # their place carries them (ontology)
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
            unnamed = trig.type == "COERCE" and not d.actors and not d.recipients and d.location
            if unnamed and _place_kind(d.location or "", res) in lex.authority_kinds:
                d.actors = [d.location or ""]  # a curfew with no named agent: the place's government imposed it
            if dates.within(base + c_s, base + c_e):
                d.date = dates.date(base + c_s, base + c_e, a_s)
            elif c_s == 0 and c_e == len(sent.text):
                d.date = dates.date(sent.start, sent.end, a_s)
            if d.date is None and DATE_CARRY_SENTENCES:
                # narrative time carries over: "सोमवार को X हुआ। उन्होंने Y की मांग की।"
                d.date = dates.last_day(doc.sentences[max(0, si - DATE_CARRY_SENTENCES)].start, base)
            if trig.type in VIOLENT:
                d.killed, d.injured = casualties(sent.text, lex)
            if d.mode == "epidemic":
                if si not in epi_counts:
                    epi_counts[si] = _epidemic_deaths(sent.text, lex)
                new, total, new_cases = epi_counts[si]
                if (
                    total
                    and not new_cases
                    and (EPIDEMIC_TOTAL_DROP == "all" or (EPIDEMIC_TOTAL_DROP == "drop" and _names_deaths(text[a_s:a_e], lex)))
                ):
                    continue  # a running toll, not a report of new deaths
                d.killed = new if new is not None else (None if total else d.killed)
            if trig.type in NOMINAL_TYPES and status == "planned":
                continue  # "… तो विस्फोट होगा": a figure of speech, not a happening
            if d.mode in PLACE_REQUIRED_MODES and not d.location:
                continue  # an epidemic count with no place (राज्य में, दुनियाभर में)
            if trig.type in PARTICIPANTS_REQUIRED and not d.actors and not d.recipients:
                continue  # a meeting, agreement or reply between no one named (गांव पहुंचे अधिकारी)
            for dd in _split_visits(d) if trig.frame != "measure" else _split_authorities(d, res, lex):
                drafts.extend(_split_places(dd))
    events = [
        d
        for d in _merge(drafts, doc, mentions, lex, res)
        if d.actors or d.recipients or d.location or d.type in BARE_TYPES or d.killed or d.injured
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


def _place_and_mode(
    doc_text: str,
    d: _Draft,
    trig: Trigger,
    sent: str,
    places: Sequence[Entity],
    s_ments: Sequence[tuple[int, int, Entity]],
    lex: Lexicon,
    names: dict[str, Entity],
    sent_triggers: Sequence[tuple[int, int, Trigger]] | None = None,
) -> None:
    d.mode = trig.mode
    if trig.type == "CONSULT":
        if d.mode is None:
            d.mode = mode_cue(sent, lex, ("video", "phone", "multilateral"))
        if d.mode is None and _MEET.match(sent, _rel(d)):
            d.mode = "meeting"
        if d.mode == "visit":
            locs = [p for p in places if p.type == "LOC"]
            if locs:
                city = locs[-1]
                d.location = city.name
                d.recipients = [r for r in d.recipients if r != city.name]
                country = lex.capital_country.get(city.name)
                if country and country in names and country not in d.actors:
                    d.recipients.append(country)
                    d.derived.add(country)
                elif not country and city.name not in d.actors:
                    d.recipients.append(city.name)  # a visited country
                    d.derived.add(city.name)
            return
    if trig.type in NOMINAL_TYPES and d.mode is None:
        for _rs, _re, t in _triggers_in(sent, lex) if sent_triggers is None else sent_triggers:
            if t.type == trig.type and t.mode:
                d.mode = t.mode
                break
    locs = [p for p in places if p.type == "LOC"]
    if trig.type == "PROTEST" or trig.frame == "measure":
        # where it happened is a place before में (सिरसा में … प्रदर्शन), not what it is against
        at = [m[2] for m in s_ments if m[2].type == "LOC" and match_at(_IN, doc_text, m[1]) and m[0] < d.start]
        locs = at[-1:] or locs
    if locs and trig.type not in NOMINAL_TYPES:
        d.location = locs[-1].name
    elif trig.type in VIOLENT or trig.frame == "measure":
        found = event_places(doc_text, [m for m in s_ments if m[2].type == "LOC"], d.start, lex)
        if found:
            d.location = found[0]
            d.more_places = found[1:]


def _agents_before(text: str, s_ments: Sequence[tuple[int, int, Entity]], at: int, lex: Lexicon) -> set[str]:
    return {m[2].name for m in s_ments if m[0] < at and marker_after(text, m[1], lex)[0] in AGENT_MARKERS}


def _political_attack(
    d: _Draft, sent: str, names: dict[str, Entity], res: Resources | None, lex: Lexicon, agents: set[str]
) -> bool:
    """Whether a bare हमला by an agent named with ने is a verbal attack: every actor a person,
    party or government, a party or government among the parties, and no harm word (weapon,
    injury, death) in the sentence."""
    if not d.actors or lex.harm_words is None or not agents & set(d.actors):
        return False
    kinds = {p: _party_class(p, names, res) for p in d.actors + d.recipients}
    if not all(kinds[a] in ("person", "party") for a in d.actors) or "party" not in kinds.values():
        return False
    return not (lex.harm_words.search(sent) or lex.death.search(sent) or lex.injury.search(sent))


def _party_class(name: str, names: dict[str, Entity], res: Resources | None) -> str:
    """ "party" for a political party or a government (Government of Jharkhand), "person" for a
    person, "" for anything else."""
    ent = names.get(name)
    if ent is None:
        return ""
    if ent.type == "PER":
        return "person"
    if ent.type == "ORG" and (name.startswith("Government of ") or _place_kind(name, res) in ("party", "government")):
        return "party"
    return ""


def _state_government(names: dict[str, Entity], res: Resources | None, lex: Lexicon) -> list[str]:
    """ "राज्य सरकार" of an article: its one state's government when it names exactly one."""
    govs = [
        n
        for n, e in names.items()
        if e.type == "ORG"
        and n.startswith("Government of ")
        and _place_kind(n[len("Government of ") :], res) in lex.authority_kinds
        and _place_kind(n[len("Government of ") :], res) != "country"
    ]
    return govs if len(govs) == 1 else []


def _epidemic_deaths(sent: str, lex: Lexicon) -> tuple[int | None, bool, bool]:
    """(new deaths, whether the sentence's deaths are a running total, whether it gives a new
    case count) for an epidemic report: "चीन में 42 और लोगों की मौत" → (42, False, False);
    "चीन में अब तक 2,912 लोगों की मौत हो गई है" → (None, True, False); "300 नए मामले, अब तक
    150 की मौत" → (None, True, True)."""
    if lex.epidemic_new_deaths is None or lex.epidemic_total is None:
        return None, False, False
    if not (lex.death.search(sent) or "मरने" in sent or "जान" in sent):
        return None, False, False  # no deaths named (most case reports): nothing to tell apart
    m = lex.epidemic_new_deaths.search(sent)
    if m:
        num = next((v for k, v in m.groupdict().items() if k.startswith("num") and v), "")
        return parse_number(num, lex), False, False
    total = bool(lex.epidemic_total.search(sent))
    return None, total, bool(total and lex.epidemic_new_cases and lex.epidemic_new_cases.search(sent))


def _names_deaths(trigger: str, lex: Lexicon) -> bool:
    return lex.epidemic_death_trigger is None or bool(lex.epidemic_death_trigger.search(trigger))


def _place_before(text: str, s_ments: Sequence[tuple[int, int, Entity]], at: int) -> bool:
    gap_ok = _PLACE_GAP
    if _ON_TRIP.search(text[max(0, at - 6) : at]):
        return True  # दौरे पर गए थे, यात्रा पर गए हैं
    return any(m[2].type == "LOC" and 0 <= at - m[1] <= 6 and gap_ok.match(text[m[1] : at]) for m in s_ments)


def _imposed(sent: str, rs: int, re_: int, lex: Lexicon) -> bool:
    """Whether a measure trigger names an imposition: its own verb (बंद कर दिया, सील कर), a bare
    noun not followed by a state word (दिल्ली में 31 मार्च तक लॉकडाउन, लॉकडाउन की घोषणा), or one
    followed by a state word with a cue word within MEASURE_CUE_WORDS words after it."""
    if lex.measure_bare is None or lex.measure_cue is None or lex.measure_state is None:
        return True
    if not lex.measure_bare.match(sent[rs:re_]) or not lex.measure_state.match(sent, re_):
        return True
    after = " ".join(sent[re_:].split()[:MEASURE_CUE_WORDS])
    return bool(lex.measure_cue.search(after))


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


def _split_visits(d: _Draft) -> list[_Draft]:
    """ब्रिटिश और कनाडाई प्रधानमंत्रियों ने … दौरा किया: one visit per travelling country."""
    if d.mode != "visit" or len(d.actors) < 2:
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


def _compatible(a: _Draft, b: _Draft, inside: set[tuple[str, str]] | None = None) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False  # 2001 and 2001-01-26 are one date at two precisions
    pa, pb = set(a.actors) | set(a.recipients), set(b.actors) | set(b.recipients)
    if a.type in NOMINAL_TYPES:
        la, lb = a.location, b.location
        nested = la and lb and (_contains(la, lb, inside or set()) or _contains(lb, la, inside or set()))
        if MERGE_ACROSS_PLACES.get(a.type) is False and la and lb and la != lb and not nested:
            return False
        if (a.mode in PER_PLACE_MODES or b.mode in PER_PLACE_MODES) and la != lb:
            return False  # India's count and Delhi's count are two reports
        if a.mode and b.mode and a.mode != b.mode:
            return False
        return not (pa and pb) or bool(pa & pb)
    if a.mode == "visit" and b.mode == "visit" and set(a.actors) != set(b.actors):
        return False
    if "visit" in (a.mode, b.mode) and not (pa & pb):
        return False
    if not pa or not pb:
        return True
    return bool((pa - a.derived) & (pb - b.derived)) or bool(pa & pb)


# How many earlier events of its type and status a mention is compared with for merging (the
# latest first). Articles name far fewer; the bound keeps a book-length text linear.
MERGE_LOOKBACK = 200


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
    for d in drafts:
        pool = by_kind.setdefault((d.type, d.status), [])
        tgt = next((o for o in reversed(pool[-MERGE_LOOKBACK:]) if _compatible(o, d, inside)), None)
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
