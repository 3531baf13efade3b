"""Clause-level reading of Hindi for :mod:`vaarta.events`: roles, status, mode, numbers.

Hindi marks roles with postpositions after the noun phrase: the agent with ``ने`` (or
``द्वारा``), recipients with ``को``, ``से``, ``के साथ``, ``पर``; ``X और Y के बीच`` makes both
participants; a bare noun phrase before an intransitive verb is its subject. Role nouns
(``राष्ट्रपति``, ``प्रवक्ता``) and parentheses may sit between a name and its postposition.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from .events_lexicon import WORD_END, WORD_START, Lexicon, match_at
from .model import Entity

# Clause boundaries inside a sentence: a new finite clause usually starts after these.
CLAUSE_BREAK = regex.compile(
    WORD_START + r"(?:कि|लेकिन|किंतु|परंतु|जबकि|जिससे|जिसके\s+बाद|इसके\s+बाद|वहीं|हालांकि|क्योंकि|ताकि)" + WORD_END + r"|[;:।?!]"
)
# What may follow a name before its postposition: spaces, a parenthesis, a comma-free title.
_PAREN = regex.compile(r"\s*\([^()]{0,60}\)")
# A name written inside parentheses after a title: "दीदी (ममता बनर्जी) को" — its marker follows them.
_CLOSE_PAREN = regex.compile(r"\s*\)")
_MARKER = regex.compile(r"\s*(ने|द्वारा|की\s+(?:ओर|तरफ)\s+से|के\s+साथ|के\s+बीच|की\s+बीच|को|से|पर|में|का|की|के|और|तथा|एवं|व|,)" + WORD_END)
PRONOUNS = regex.compile(WORD_START + r"(?:उन्होंने|उसने|इन्होंने|वे|वह|दोनों\s+नेताओं|दोनों\s+नेता|दोनों\s+ने|दोनों\s+देशों)" + WORD_END)
_BOTH = regex.compile(WORD_START + r"दोनों\s+(?:नेताओं|नेता|ने|राष्ट्रपति|अधिकारियों|देशों)" + WORD_END)
_SPACES = regex.compile(r"\s*")
_NEG_BEFORE = regex.compile(r"(?:^|\s)(?:नहीं|न)$")
# A future verb ending (चलेंगी, रहेगा, चलाई जाएंगी): a halt told in the future is planned
_FUTURE = regex.compile(r"(?:ेंगी|ेंगीं|ेंगे|ेगी|ेगा|एंगी|एगी|एंगे)(?![\p{L}\p{M}])")
# A relative or contrasting clause after the verb group ("54 मौतें हुईं जो संभवतः … सबसे ज्यादा है",
# "… हुई, लेकिन …") is about something else: its hedge or negation does not qualify the event
_CLAUSE_BREAK = regex.compile(r"^(?:जो|जिस[\p{L}\p{M}]*|जिन[\p{L}\p{M}]*|जबकि|लेकिन|मगर|परंतु|परन्तु|किंतु|किन्तु|क्योंकि)$")
STATUS_STOPS_AT_CLAUSE = True
_DIGITS = regex.compile(r"\d+(?:,\d+)*")
_INT = regex.compile(r"\d+")
# Nouns after a genitive that make it a place: "X के सामने/पास/बाहर" (in front of X …).
_SPATIAL = regex.compile(r"\s*(?:सामने|पास|बाहर|भीतर|अंदर|नजदीक|नज़दीक|निकट|करीब|क़रीब|नीचे|ऊपर)" + WORD_END)
# After a genitive: "X के (कई) देशों/लोगों/सहयोगियों ने …" — a group or a role of X takes the
# role its own postposition marks, and X (a country, an organisation) is that party (round 7).
_GROUP = regex.compile(
    r"\s*(?:(?:कई|कुछ|सभी|तमाम|अन्य|दोनों|अनेक)\s+)?"
    r"(?:देशों|लोगों|नागरिकों|सहयोगियों|समर्थकों|कार्यकर्ताओं|प्रतिनिधियों|प्रतिनिधि|सदस्यों|सदस्य देशों|नेताओं)" + WORD_END
)
# A genitive, one noun and another genitive right before the trigger: X के प्रयासों की (सराहना).
_OWNED_NOUN = regex.compile(r"\s*(?:(?:इस|उस|इन|उन)\s+)?[\p{L}\p{M}]+\s+(?:की|के|का)\s*$")
_COORD = {"और", "तथा", "एवं", "व", ","}
_GENITIVE = {"का", "की", "के"}
_RECIPIENT = {"को", "से", "के साथ", "पर"}
_AGENT = {"ने", "द्वारा", "की ओर से", "की तरफ से"}
AGENT_MARKERS = frozenset(_AGENT)
_BETWEEN = {"के बीच", "की बीच"}


@dataclass(slots=True)
class Roles:
    actors: list[Entity] = field(default_factory=list)
    recipients: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)  # में/पर + LOC, visited places
    pronoun: bool = False
    both: bool = False


def clause_bounds(sent_text: str, rel_start: int, rel_end: int) -> tuple[int, int]:
    """The clause around a trigger at [rel_start, rel_end) of a sentence (relative offsets)."""
    start = 0
    for m in CLAUSE_BREAK.finditer(sent_text, 0, rel_start):
        start = m.end()
    m = CLAUSE_BREAK.search(sent_text, rel_end)
    end = m.start() if m else len(sent_text)
    return start, end


def _skip_titles(text: str, pos: int, lex: Lexicon) -> int:
    """Skip parentheses and up to four role words after a name."""
    m = match_at(_CLOSE_PAREN, text, pos)
    if m and text.rfind("(", max(0, pos - 60), pos) > text.rfind(")", max(0, pos - 60), pos):
        pos = m.end()  # "दीदी (ममता बनर्जी) को": the parenthesis closes over the name
    for _ in range(5):
        m = match_at(_PAREN, text, pos)
        if m:
            pos = m.end()
            continue
        m = _SPACES.match(text, pos)
        p2 = m.end() if m else pos
        r = match_at(lex.role_words, text, p2)
        if r:
            pos = r.end()
            continue
        break
    return pos


def _group_marker(text: str, pos: int, lex: Lexicon) -> str | None:
    """The postposition after a group noun or role words following a genitive at ``pos``
    (… के कई देशों ने → ने; … के प्रधानमंत्री से → से), None when neither follows."""
    g = match_at(_GROUP, text, pos)
    end = g.end() if g else pos
    p = _skip_titles(text, end, lex)
    if p == pos:
        return None
    m = match_at(_MARKER, text, p)
    return " ".join(m.group(1).split()) if m else None


def marker_after(text: str, pos: int, lex: Lexicon) -> tuple[str | None, int]:
    """The postposition after a name ending at ``pos`` and where it ends."""
    p = _skip_titles(text, pos, lex)
    m = match_at(_MARKER, text, p)
    if not m:
        return None, p
    return " ".join(m.group(1).split()), m.end()


MarkerFn = Callable[[str, int, Lexicon], tuple[str | None, int]]


def marker_memo() -> MarkerFn:
    """:func:`marker_after` remembered per position: for the calls of one ``find_events``
    (one text, one lexicon), which ask about the same name ends for every trigger."""
    seen: dict[int, tuple[str | None, int]] = {}

    def marker(text: str, pos: int, lex: Lexicon) -> tuple[str | None, int]:
        r = seen.get(pos)
        if r is None:
            r = seen[pos] = marker_after(text, pos, lex)
        return r

    return marker


def read_roles(
    text: str,
    mentions: Sequence[tuple[int, int, Entity]],
    win_start: int,
    trig_start: int,
    trig_end: int,
    lex: Lexicon,
    marker_at: MarkerFn = marker_after,
) -> Roles:
    """Roles of the names in [win_start, trig_start) of ``text`` (absolute offsets);
    ``marker_at``: :func:`marker_after` or a :func:`marker_memo` of it."""
    roles = Roles()
    ms = [m for m in mentions if m[0] >= win_start and m[1] <= trig_start]
    i = 0
    carry: list[Entity] = []  # "X के कुछ नेताओं और Y द्वारा": X shares Y's role (round 10)
    while i < len(ms):
        group = [ms[i]]
        marker, mend = marker_at(text, ms[i][1], lex)
        j = i
        while marker in _COORD and j + 1 < len(ms) and not text[mend : ms[j + 1][0]].strip():
            j += 1
            group.append(ms[j])
            marker, mend = marker_at(text, ms[j][1], lex)
        i = j + 1
        nxt = ms[i][0] if i < len(ms) else None
        gap_to_next = text[mend:nxt] if nxt is not None else None
        near_trigger = len(text[mend:trig_start].split()) <= 1
        ents = [*carry, *(g[2] for g in group)]
        carry = []
        if marker in _GENITIVE:
            group_role = _group_marker(text, mend, lex)
            if group_role in _COORD and nxt is not None and len(text[mend:nxt].split()) <= 4:
                carry = ents  # पाकिस्तान के कुछ नेताओं और यूएन द्वारा: both praised
                continue
            if group_role in _AGENT:
                roles.actors.extend(ents)  # यूरोप के कई देशों ने, पाकिस्तान के विदेश मंत्री ने: the country acts
                continue
            if group_role in _RECIPIENT:
                roles.recipients.extend(ents)  # ईरान के लोगों से कहा गया: asked of the country
                continue
            if gap_to_next is not None and len(gap_to_next.split()) <= 3 and not _MARKER.match(gap_to_next):
                continue  # a modifier: चीन के राष्ट्रपति शी जिनपिंग, चीनी विदेश मंत्रालय के प्रवक्ता …
            if match_at(_SPATIAL, text, mend):
                # गुजरात हाई कोर्ट के सामने हत्या: where it happened, not who took part
                roles.places.extend(e for e in ents if e.type == "LOC")
                continue
            if near_trigger or match_at(_OWNED_NOUN, text[:trig_start], mend):
                # "भारत की सराहना", "भारत के प्रयासों की सराहना": what is praised, accused … is X's
                for e in ents:
                    (roles.places if e.type == "LOC" else roles.recipients).append(e)
                    if e.type == "LOC":
                        roles.recipients.append(e)
            continue
        if marker is None or marker in _COORD:
            # a bare name: subject of an intransitive clause, or a modifier (जर्मन चांसलर)
            if gap_to_next is not None and len(gap_to_next.split()) <= 2 and not gap_to_next.strip(" ,"):
                continue
            for e in ents:
                if e.type == "LOC" and near_trigger:
                    roles.places.append(e)  # बीजिंग गए, बीजिंग पहुंचे
                    roles.recipients.append(e)
                else:
                    roles.actors.append(e)
            continue
        if marker in _AGENT or marker in _BETWEEN:
            roles.actors.extend(ents)
        elif marker in _RECIPIENT:
            roles.recipients.extend(ents)
        elif marker == "में":
            roles.places.extend(e for e in ents if e.type == "LOC")
    window = text[win_start:trig_end]
    roles.pronoun = bool(PRONOUNS.search(window))
    roles.both = bool(_BOTH.search(window))
    return roles


# ---------------------------------------------------------------- status and mode


def status_of(text: str, trig_start: int, trig_end: int, clause_end: int, lex: Lexicon, halt: bool = False) -> str:
    """occurred / planned / possible / negated from the verb group after the trigger. A ``halt``
    trigger carries its own negation (ट्रेनें नहीं चलेंगी: a halt, planned), which denies nothing."""
    after = text[trig_end:clause_end]
    words = after.split()
    if STATUS_STOPS_AT_CLAUSE:
        cut = next((i for i, w in enumerate(words) if _CLAUSE_BREAK.match(w.strip(",;"))), None)
        words = words if cut is None else words[:cut]
    group = " ".join(words[:6])
    before = " ".join(text[max(0, trig_start - 40) : trig_start].split()[-2:])
    trig = text[trig_start:trig_end]
    if lex.negation.search(" ".join(words[:4])) or (lex.negation.search(trig) and not halt) or _NEG_BEFORE.search(before):
        return "negated"
    if lex.possible.search(group) or lex.possible.search(trig) or lex.possible.search(before):
        return "possible"
    if lex.planned.search(group) or lex.planned.search(trig) or (halt and _FUTURE.search(trig)):
        return "planned"
    return "occurred"


def mode_cue(sentence: str, lex: Lexicon, wanted: Sequence[str]) -> str | None:
    for mode, pat in lex.modes:
        if mode in wanted and pat.search(sentence):
            return mode
    return None


# ---------------------------------------------------------------- numbers


def parse_number(s: str, lex: Lexicon) -> int | None:
    """An integer from digits (4,209) or Hindi number words (दो हजार); None when vague."""
    s = s.strip()
    if not s:
        return None
    if _DIGITS.fullmatch(s):
        return int(s.replace(",", ""))
    total = 0
    cur = 0
    for w in s.split():
        if _INT.fullmatch(w):
            cur = int(w)
        elif w in lex.multipliers:
            cur = (cur or 1) * lex.multipliers[w]
            total += cur
            cur = 0
        elif w in lex.numbers:
            cur = lex.numbers[w]
        else:
            return None
    return total + cur or None


def _casualty_patterns(lex: Lexicon) -> tuple[tuple[regex.Pattern[str], ...], ...]:
    # a Lexicon built by hand, without its compiled casualty patterns
    from .events_lexicon import _casualty_patterns as build

    return build(lex.death, lex.injury, lex.person_nouns, list(lex.numbers) + list(lex.multipliers))


def casualties(text: str, lex: Lexicon) -> tuple[int | None, int | None]:
    """(killed, injured) read from ``text``: the largest number tied to a death/injury word."""
    out: list[int | None] = []
    pattern_sets = lex.casualty_patterns or _casualty_patterns(lex)
    screens = lex.casualty_words if len(lex.casualty_words) == len(pattern_sets) else (None,) * len(pattern_sets)
    for pats, words in zip(pattern_sets, screens, strict=True):
        best: int | None = None
        if words is not None and words.search(text) is None:
            out.append(best)  # every pattern holds the death/injury word: none of them can match
            continue
        for p in pats:
            for m in p.finditer(text):
                n = parse_number(m.group("num"), lex)
                if n is not None and n < 100000 and (best is None or n > best):
                    best = n
        out.append(best)
    return out[0], out[1]
