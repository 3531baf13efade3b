"""Quotes: direct speech in quotation marks and reported speech (``X ने कहा कि …``).

A quote is a span of the words said, with the speaker resolved to an entity:

* direct quotes inside ``“ ”``, ``" "``, ``'' ''``, ``‘ ’`` or ``' '`` (they may run over
  several sentences), attributed by the verb of saying just before (``उन्होंने कहा, “…”``)
  or just after (``“…”, मंत्री ने कहा``);
* reported speech after ``ने कहा कि``, ``ने बताया कि``, ``का कहना है कि``, ``ने लिखा कि``,
  ``ने मांग की कि``, ``ने आरोप लगाया कि`` … up to the end of the sentence.

The speaker is the name before ``ने`` / ``का कहना``, with role words and parentheses allowed in
between (``चीनी विदेश मंत्रालय के प्रवक्ता हुआ चुनयिंग ने``). ``उन्होंने``, a bare definite
role (``मुख्यमंत्री ने``) and the agentless ``कहा गया कि`` continue the last speaker; an
indefinite source (``एक पुलिस अधिकारी ने``, ``अधिकारियों ने``) stays ``None``. Attributions
with ``के अनुसार`` / ``के मुताबिक`` are not quotes. Speech relayed by media
(``सरकारी मीडिया ने बताया कि``) keeps the medium in ``Quote.via``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import regex

from .events_lexicon import MATCH_WINDOW
from .model import Document, Entity, Quote, Resources

_SENTENCE_END = regex.compile(r"[।?!]")

__all__ = ["find_quotes"]

_B = r"(?<![\p{L}\p{M}])"
_E = r"(?![\p{L}\p{M}])"
# Minimum words for a span to count as speech (shorter quoted strings are titles or names).
MIN_WORDS = 3
# Words allowed between a verb of saying and the direct quote it introduces
# (डॉक्टरों ने कहा कि उन्हें, “…”).
INTRO_GAP_WORDS = 2
# How far back (characters) an agent X ने is the antecedent of उन्होंने, and of a role
# after a place or organisation (रूसी नेता ने कहा, just after पुतिन ने …).
PRONOUN_AGENT_CHARS = 400
ROLE_AGENT_CHARS = 250
# Quotation pairs; the straight double quote and doubled apostrophes pair with themselves.
_DIRECT = regex.compile(
    r"“(?P<a>[^“”]+?)”|‘‘(?P<b>[^‘’]+?)’’|''(?P<c>[^']+?)''|\"(?P<d>[^\"]+?)\"|‘(?P<e>[^‘’]+?)’|(?<![\p{L}\p{M}])'(?P<f>[^']{8,}?)'"
)
_QUOTE_MARK = re.compile("[“‘'\"]")
# Verbs of saying, with their auxiliaries; group "tail" tells what follows (कि, a comma, a quote).
_SAY = regex.compile(
    _B + r"(?:कहा|बताया|लिखा|लिखकर\s+कहा|ट्वीट\s+किया|मांग\s+की|अपील\s+की|आरोप\s+लगाया|आशंका\s+जताई|"
    r"उम्मीद\s+जताई|वादा\s+किया|शिकायत\s+की|दिला\s+दिया|भरोसा\s+दिलाया|जानकारी\s+दी|दावा\s+किया|"
    r"चेतावनी\s+दी|स्पष्ट\s+किया|कहना|कहते|कह\s+चुके|कहती)"
    r"(?:\s+(?:है|हैं|था|थी|थे|गया|गई|गयी|दिया|चुके|हुए))*" + _E + r"(?P<tail>\s*,?\s*कि\s*,?|\s*[,:])?"
)
# A word that begins every alternative of _SAY (``re``, a fast scan): a sentence without one
# has no verb of saying (tests/test_quotes.py checks each alternative holds one).
_SAY_HINT = re.compile("कह|बताया|लिख|ट्वीट|मांग|अपील|आरोप|आशंका|उम्मीद|वादा|शिकायत|दिला|भरोसा|जानकारी|दावा|चेतावनी|स्पष्ट")
# Agent markers before a verb of saying.
_AGENT = regex.compile(_B + r"(?:(?P<pro>उन्होंने|उसने|इन्होंने|उनका|उसका|उनके)|(?P<ne>ने|का|की\s+(?:ओर|तरफ)\s+से|द्वारा))" + _E)
_GAP_OK = regex.compile(
    r"^(?:\s|\([^()]{0,60}\)|" + _B + r"(?:के|का|की|में|एक|अपने|अपनी|भी|ही|तो|सोमवार|मंगलवार|बुधवार|गुरुवार|"
    r"शुक्रवार|शनिवार|रविवार|को|राष्ट्रपति|प्रधानमंत्री|पीएम|नेता|मंत्री|मुख्यमंत्री|प्रवक्ता|अधिकारी|"
    r"अधिकारियों|अध्यक्ष|सचिव|सरकार|विदेश|गृह|स्वास्थ्य|रक्षा|मंत्रालय|महानिदेशक|निदेशक|प्रमुख|डीएम|एसएसपी|"
    r"कलेक्टर|संवाददाता|पत्रकार|सांसद|विधायक|सरपंच|कमांडर|डॉ\.?|श्री|अखबार|मुख्य|जनसंपर्क|उप|पूर्व|अंतरिम|"
    r"केंद्रीय|वरिष्ठ|स्थानीय|प्रदेश|राज्य|पार्टी|एशिया|विशेष|सहायक|मौजूद)" + _E + r")*$"
)
# A definite role before ने with no name: the last speaker continues (मुख्यमंत्री ने कहा कि).
_ROLE_ONLY = regex.compile(_B + r"(?<!एक\s)(?:नेता|मंत्री|मुख्यमंत्री|अध्यक्ष|पार्टी|विभाग|प्रवक्ता|कलेक्टर|राष्ट्रपति|प्रधानमंत्री|पीएम)\s*$")
_MEDIA = regex.compile(_B + r"(?:सरकारी\s+)?(?:मीडिया|टीवी|टेलीविज़न|टेलीविजन|समाचार\s+एजेंसी|एजेंसी|अखबार|रिपोर्टों|रिपोर्ट)\s*$")
_PASSIVE = regex.compile(_B + r"कहा\s+(?:गया|जाता)")
_STOP = regex.compile(r"[।?!]|\.(?=\p{L})|[”\"]")
PRONOUN = "pronoun"
ROLE_OF = "role-of"
# A person's role after an organisation or place (कांग्रेस अध्यक्ष ने): maybe the last speaker.
_PERSON_ROLE = regex.compile(_B + r"(?:अध्यक्ष|नेता|सांसद|विधायक|मुख्यमंत्री)" + _E)
_KAHNA = regex.compile(r"\s+कहना" + _E)
# Agents: a name directly before ने in an earlier sentence is the antecedent of उन्होंने.
_NE_AFTER = regex.compile(r"\s*(?:\([^()]{0,60}\)\s*)?ने" + _E)


_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _has_words(text: str, s: int, e: int, n: int) -> bool:
    """Whether ``text[s:e]`` holds at least ``n`` words (stops counting there)."""
    return any(k + 1 >= n for k, _m in enumerate(_WORD.finditer(text, s, e)))


def find_quotes(doc: Document, entities: Sequence[Entity], res: Resources) -> list[Quote]:
    """Direct and reported quotes of ``doc`` with speakers from ``entities`` (or None)."""
    text = doc.text
    mentions = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0])
    direct: list[tuple[int, int]] = []
    # every _DIRECT alternative opens with one of these (two thirds of the covid texts hold none)
    for m in _DIRECT.finditer(text) if _QUOTE_MARK.search(text) else ():
        g = next(k for k in "abcdef" if m.group(k) is not None)
        s, e = m.span(g)
        if _has_words(text, s, e, MIN_WORDS):
            direct.append((s, e))
    d_starts = [s for s, _e in direct]  # direct quotes are disjoint, in text order
    found: list[tuple[int, int, bool, int]] = []  # start, end, direct, position of the saying verb
    for s, e in direct:
        found.append((s, e, True, -1))
    for sent in doc.sentences:
        if _SAY_HINT.search(sent.text) is None:
            continue  # no verb of saying: _SAY cannot match
        for m in _SAY.finditer(sent.text):
            v = sent.start + m.start()
            after = sent.start + m.end()
            tail = (m.group("tail") or "").strip()
            i = bisect_left(d_starts, after)
            if (i < len(direct) and direct[i][0] <= after + 3) or _in_direct(direct, d_starts, v):
                continue  # introduces (or sits inside) a direct quote
            if not tail:
                continue
            s, e = after, sent.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and (text[e - 1].isspace() or text[e - 1] in "।.!?"):
                e -= 1
            i = bisect_left(d_starts, e) - 1  # the last direct quote starting before e ends last
            if not _has_words(text, s, e, MIN_WORDS) or (i >= 0 and direct[i][1] > s):
                continue
            found.append((s, e, False, v))
    found.sort()
    out: list[Quote] = []
    agents = _Agents(text, mentions)
    etypes: dict[str, str] = {}
    for ent in entities:
        etypes.setdefault(ent.name, ent.type)
    last: str | None = None
    last_end = -1
    for s, e, is_direct, v in found:
        if out and s < out[-1].end:
            continue
        speaker, via, known = _speaker(text, doc, mentions, s, e, v)
        recent = last_end >= 0 and _sentence_gap(doc, last_end, s) <= 3
        if known is PRONOUN:
            speaker = _antecedent(agents, s if v < 0 else v, last, recent, last_end if recent else 0)
        elif known is ROLE_OF:
            if recent and last is not None and etypes.get(last) == "PER":
                speaker = last
            else:
                # रूसी नेता ने कहा: the person just named as an agent (X ने), if any
                speaker = agents.last(s if v < 0 else v, ROLE_AGENT_CHARS) or speaker
        elif not known:
            speaker = last if recent else _antecedent(agents, s if v < 0 else v, None, False)
        out.append(Quote(speaker=speaker, start=s, end=e, direct=is_direct, via=via))
        if speaker is not None or known is True:
            last, last_end = speaker, e
    return out


def _in_direct(direct: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < direct[i][1]


class _Agents:
    """The people mentioned before a position, from lists built once per document (a scan of
    every mention per quote made long articles quadratic)."""

    def __init__(self, text: str, mentions: Sequence[tuple[int, int, Entity]]) -> None:
        self.text = text
        self.people = [m for m in mentions if m[2].type == "PER"]  # by start, as ``mentions``
        self.starts = [m[0] for m in self.people]
        self._agent: dict[int, bool] = {}

    def _is_agent(self, end: int) -> bool:
        got = self._agent.get(end)
        if got is None:
            got = self._agent[end] = bool(_NE_AFTER.match(self.text, end, end + MATCH_WINDOW))
        return got

    def last(self, pos: int, window: int) -> str | None:
        """The last person named as an agent (X ने) in the ``window`` characters before ``pos``."""
        lo = bisect_left(self.starts, max(0, pos - window))
        for i in range(bisect_right(self.starts, pos) - 1, lo - 1, -1):
            _ms, me, ent = self.people[i]
            if me <= pos and self._is_agent(me):
                return ent.name
        return None

    def last_named(self, pos: int) -> str | None:
        """The last person whose mention ends by ``pos``."""
        for i in range(bisect_right(self.starts, pos) - 1, -1, -1):
            if self.people[i][1] <= pos:
                return self.people[i][2].name
        return None


def _antecedent(agents: _Agents, pos: int, last: str | None, recent: bool, since: int = 0) -> str | None:
    """उन्होंने: the last person who was an agent (X ने) shortly before, else the speaker of a
    recent quote (None when that was an indefinite source: एक मजदूर ने कहा … उसने कहा), else
    the last person named. An agent counts only after the recent quote (``since``)."""
    agent = agents.last(pos, min(PRONOUN_AGENT_CHARS, pos - since))
    if agent is not None:
        return agent
    if recent:
        return last
    return agents.last_named(pos)


def _start(m: tuple[int, int, object]) -> int:
    return m[0]


def _sentence_index(doc: Document, pos: int) -> int:
    """The first sentence that holds ``pos`` or starts after it (``len`` when none does)."""
    return bisect_left(doc.sentences, pos, key=lambda s: s.end - 1)  # sentences are disjoint, in order


def _sentence_gap(doc: Document, a: int, b: int) -> int:
    return _sentence_index(doc, b) - _sentence_index(doc, a)


def _speaker(
    text: str,
    doc: Document,
    mentions: Sequence[tuple[int, int, object]],
    s: int,
    e: int,
    verb: int,
) -> tuple[str | None, str | None, bool | str]:
    """(speaker, via, known): known=False continues the last speaker, PRONOUN resolves उन्होंने,
    ROLE_OF is an organisation's role that may be the last speaker."""
    if verb < 0:  # a direct quote: the verb of saying is just before or just after it
        si = _sentence_index(doc, s)
        lo = doc.sentences[si - 1].start if si > 0 and si - 1 < len(doc.sentences) else 0
        lo = max(lo, s - 200)
        m = None
        for m2 in _SAY.finditer(text, lo, s):
            m = m2
        if m is not None and _words(text[m.end() : s]) <= INTRO_GAP_WORDS and not _SENTENCE_END.search(text, m.end(), s):
            verb = m.start()
        else:
            post = text[e : e + 120].lstrip("”\"’' ,")
            m3 = _SAY.search(post)
            if m3 and m3.start() < 80 and "।" not in post[: m3.start()]:
                verb = e + (len(text[e : e + 120]) - len(post)) + m3.start()
                return _agent(text, mentions, e, verb)
            return None, None, False
    si = _sentence_index(doc, verb)
    start = doc.sentences[si].start if si < len(doc.sentences) else 0
    if _PASSIVE.match(text, verb, verb + MATCH_WINDOW):
        return None, None, False
    return _agent(text, mentions, _clause_start(text, start, verb), verb)


def _clause_start(text: str, start: int, verb: int) -> int:
    """Start of the clause of a verb: after the last sentence mark (even one glued to a word)."""
    lo = max(start, verb - 250)
    for m in _STOP.finditer(text, lo, verb):
        lo = m.end()
    return lo


def _agent(
    text: str, mentions: Sequence[tuple[int, int, object]], start: int, verb: int
) -> tuple[str | None, str | None, bool | str]:
    """The speaker before a verb of saying: (name, via, known) as in :func:`_speaker`."""
    lo, hi = bisect_left(mentions, start, key=_start), bisect_right(mentions, verb, key=_start)
    cands = [m for m in mentions[lo:hi] if m[1] <= verb]  # mentions are sorted by start
    # का marks the speaker only in "X का कहना"; elsewhere it is a genitive (युद्धविराम का स्वागत किया और कहा)
    marks = [
        m for m in _AGENT.finditer(text, start, verb) if m.group() != "का" or _KAHNA.match(text, m.end(), m.end() + MATCH_WINDOW)
    ]
    mk = marks[-1] if marks else None
    if mk is not None and mk.group("pro"):
        return None, None, PRONOUN
    end = mk.start() if mk is not None else verb
    before = text[start:end]
    for _ms, me, ent in reversed([m for m in cands if m[1] <= end]):
        gap = text[me:end]
        if _GAP_OK.match(gap.replace("'", " ").replace("’", " ").replace("‘", " ")):
            if ent.type != "PER" and _PERSON_ROLE.search(gap):  # type: ignore[attr-defined]
                return ent.name, None, ROLE_OF  # type: ignore[attr-defined]
            return ent.name, None, True  # type: ignore[attr-defined]
        break
    if mk is None:
        return None, None, False
    media = _MEDIA.search(before)
    if media:
        return None, " ".join(media.group().split()), True
    if _ROLE_ONLY.search(before):
        return None, None, False
    return None, None, True
