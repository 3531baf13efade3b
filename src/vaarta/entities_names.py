"""Names outside the KB (passes 4-7): Latin names in parentheses, tagger spans and name
heuristics, short forms of full names, and flags for garbled names.

Role titles glued onto a tagger's person span (``जिलाधिकारी संदीप तिवारी``) are stripped, so a
designation never becomes part of a canonical name; a span made only of titles is dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from operator import attrgetter

import regex

from vaarta.entities_base import (
    CONF_AGENT,
    CONF_FUZZY,
    CONF_KB_AMBIGUOUS,
    CONF_NER,
    CONJUNCTIONS,
    DESIGNATIONS,
    FOUND_INFECTED_AFTER,
    FUNCTION_WORDS,
    FUZZY_MIN,
    LEADING_JUNK,
    MARK_AGENT,
    MARK_TITLE,
    MAX_TITLED_NAME,
    NEVER_LINK,
    NEVER_LINK_SURFACE,
    NOT_ENTITIES,
    PERSON_NOUNS,
    SPEECH_CUES,
    SURNAMES,
    TITLES,
    Ent,
    State,
    kb_ent,
    name_tokens,
)
from vaarta.entities_roles import is_role_word, strip_roles
from vaarta.model import Token
from vaarta.translit import is_devanagari, name_key, phonetic_key, similar_at_least, to_latin

_LATIN_NAME = regex.compile(r"^[\p{Latin} .'-]+$")
_NAME_PARTS = regex.compile(r"[\s.]+")
_SLOT = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyz ")}
_ALPHA = len(_SLOT) + 1  # the last slot: any other character
_START, _TEXT, _KEY = attrgetter("start"), attrgetter("text"), attrgetter("key")
# speech cues by first word, in SPEECH_CUES order
_CUES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _cue in SPEECH_CUES:
    _CUES_BY_FIRST.setdefault(_cue[0], []).append(_cue)


# ---- 4. Latin names in parentheses ------------------------------------------------------
def parentheses(st: State) -> None:
    units, text = st.units, st.doc.text
    if "(" not in text:
        return  # no "(" unit
    for i, u in enumerate(units):
        if u.text != "(" or i == 0 or units[i - 1].end not in st.by_end:
            continue
        k = i + 1
        while k < len(units) and units[k].text != ")" and k < i + 6:
            k += 1
        if k >= len(units) or units[k].text != ")" or k == i + 1:
            continue
        s, e = units[i + 1].start, units[k - 1].end
        inner = text[s:e]
        if is_devanagari(inner) or not _LATIN_NAME.match(inner):
            continue
        ent = st.by_end[units[i - 1].end][0][0]
        if not st.covered(s, e) or (s, e) in ent.mentions:
            st.add(s, e, ent, ent.conf)


# ---- 5. tagger spans and name heuristics ------------------------------------------------
def new_or_linked(st: State, s: int, e: int, typ: str, conf: float) -> None:
    surface = st.doc.text[s:e]
    k = name_key(surface)
    if not k or k in NOT_ENTITIES or k in NEVER_LINK or len(k) < 2 or surface in NEVER_LINK_SURFACE:
        return
    found = st.kb.lookup(surface)
    hits = [h for h in found if h.type == typ] or found
    if hits:
        st.add(s, e, kb_ent(hits[0]), CONF_KB_AMBIGUOUS)
        return
    # a misspelling of an entity already in the article
    if typ == "PER" and len(k) > 3:
        forms_index = st.forms if isinstance(st.forms, PersonForms) else PersonForms()
        st.forms = forms_index
        ent = forms_index.first_similar(st, surface)
        if ent is not None:
            forms = {ent.name_hi, ent.name, *(st.doc.text[a:b] for (a, b) in ent.mentions)}
            st.add(s, e, ent, CONF_FUZZY)
            if k not in {name_key(f) for f in forms if f}:
                st.flag(s, e, f"misspelt name of {ent.name}")
            return
    name = readable(surface) if is_devanagari(surface) else surface
    st.add(s, e, Ent(name, name, surface if is_devanagari(surface) else "", typ, None), conf)


class PersonForms:
    """The person names of one article by phonetic key, for the in-article misspelling check.

    Equivalent to comparing a new name with every form (Hindi name, canonical name, mention
    text) of every person entity in article order, but each distinct phonetic key is stored
    once and compared only when a letter-count bound allows a match: ``SequenceMatcher.ratio``
    is at most ``1 - D / T`` where ``D`` is the L1 distance of the two keys' letter counts and
    ``T`` their total length, so keys with ``D > (1 - FUZZY_MIN) * T`` cannot match. The bound
    is checked for all known keys at once (numpy), keeping a long article near-linear.
    """

    def __init__(self) -> None:
        import numpy as np

        self._np = np
        self.done = 0  # entries of ``State.added`` already indexed
        self.rank: dict[str, int] = {}  # entity key -> position in ``State.ents``
        self.keys: dict[str, int] = {}  # phonetic key -> row
        self.rep: list[str] = []  # a form with that key, per row
        self.owners: list[dict[str, Ent]] = []  # person entities with a form of that key, per row
        self.counts = np.zeros((64, _ALPHA), dtype=np.int32)
        self.lens = np.zeros(64, dtype=np.int32)

    def _vector(self, key: str) -> object:
        counts = [0] * _ALPHA
        for c in key:  # letters outside a-z share one slot: merging slots only lowers the distance
            counts[_SLOT.get(c, _ALPHA - 1)] += 1
        return self._np.array(counts, dtype=self._np.int32)

    def _register(self, form: str, ent: Ent) -> None:
        if not form:
            return
        pk = phonetic_key(form)
        if not pk:
            return
        row = self.keys.get(pk)
        if row is None:
            row = len(self.rep)
            if row == len(self.lens):
                np = self._np
                self.counts = np.concatenate([self.counts, np.zeros_like(self.counts)])
                self.lens = np.concatenate([self.lens, np.zeros_like(self.lens)])
            self.keys[pk] = row
            self.rep.append(form)
            self.owners.append({})
            self.counts[row] = self._vector(pk)
            self.lens[row] = len(pk)
        self.owners[row].setdefault(ent.key, ent)

    def _sync(self, st: State) -> None:
        text, added = st.doc.text, st.added
        for ent, a, b in added[self.done :]:
            if ent.key not in self.rank:
                self.rank[ent.key] = len(self.rank)
                if ent.type == "PER":
                    self._register(ent.name_hi, ent)
                    self._register(ent.name, ent)
            if ent.type == "PER":
                self._register(text[a:b], ent)
        self.done = len(added)

    def first_similar(self, st: State, surface: str) -> Ent | None:
        """The earliest person entity with a form phonetically similar to ``surface``."""
        self._sync(st)
        pk = phonetic_key(surface)
        n = len(self.rep)
        if not pk or n == 0:
            return None
        np = self._np
        dist = np.abs(self.counts[:n] - self._vector(pk)).sum(axis=1)
        ok = dist <= (1.0 - FUZZY_MIN) * (self.lens[:n] + len(pk)) + 1e-9
        best: Ent | None = None
        for row in np.flatnonzero(ok).tolist():
            owners = self.owners[row]
            first = min(owners.values(), key=lambda x: self.rank[x.key])
            if best is not None and self.rank[first.key] >= self.rank[best.key]:
                continue
            if similar_at_least(surface, self.rep[row], FUZZY_MIN):
                best = first
        return best


def _person_like(words: list[str]) -> bool:
    tok = name_tokens()
    return all(w in tok or w in SURNAMES for w in words)


def _needs_tagger(st: State, toks: list[Token]) -> bool:
    """Whether a sentence has a word that may be part of a new name: one that is not an
    ordinary word (``tagger_skip_words``), not punctuation or a number, and not already
    covered by a KB match. Sentences without one are not tagged (about a quarter of news text;
    on the covid corpus the tagger's spans in them were all false: कोरोना, राजधानी as places).
    ``toks`` are the sentence's open tokens (``entities_base.is_open``: the first two tests)."""
    find = st.mask.find
    return any(find(1, t.start, t.end) == -1 for t in toks)


# A tagger's place or organisation span that opens with a job noun (गायिका, सिंगर, प्रवक्ता; _JOB_WORDS)
# is a person: the noun is stripped as for PER spans. The rest must not be a KB name.
JOB_NOUN_PEOPLE = True
# "सिंगर <unknown words> को कोरोना पॉजिटिव पाया गया": a job noun, a name and a case report make a person
# as a speech cue does (titled_people; the report: entities_base.FOUND_INFECTED_AFTER).
PATIENT_CUE = True
# (never a day: "डॉक्टर शुक्रवार को पॉजिटिव पाए गए")
_NOT_NAMES = frozenset("सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार आज कल परसों भी".split())
# A tagger's two- or three-word place ending in a common surname, none of its words a KB name, is a
# person ("कनिका कपूर की पार्टी में" tagged as a place).
SURNAME_PEOPLE = True
# (only nouns that name one person's job: not प्रमुख, सदस्य, नेता, पूर्व, जनरल, which open places and bodies)
_JOB_WORDS = frozenset(
    "गायक गायिका सिंगर गीतकार संगीतकार अभिनेता अभिनेत्री लेखक कवि खिलाड़ी कोच डॉक्टर पत्रकार "
    "प्रवक्ता सांसद विधायक पार्षद एडवोकेट अधिवक्ता वकील".split()
)


def ner(st: State, tagger: object) -> list[tuple[int, int, str]]:
    """Tagger spans; single-word person spans are returned for after the short-form pass."""
    doc, kb = st.doc, st.kb
    deferred: list[tuple[int, int, str]] = []
    tokens = doc.tokens
    # per token, with C-level loops (map, compress): ~700 tokens an article
    starts = list(map(_START, tokens))
    texts = list(map(_TEXT, tokens))
    # the tokens _needs_tagger may stop at (not ordinary words, with a letter), found with the units
    open_toks = st.open_toks
    open_starts = list(map(_START, open_toks))
    todo, todo_open, sentences = [], [], []
    for sent in doc.sentences:
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        if lo == hi:
            continue
        cand = open_toks[bisect_left(open_starts, sent.start) : bisect_left(open_starts, sent.end)]
        if _needs_tagger(st, cand):
            todo.append(tokens[lo:hi])
            todo_open.append(cand)
            sentences.append(texts[lo:hi])
    # one tagger call for the whole document (Viterbi over all sentences at once)
    try:
        many = getattr(tagger, "spans_many", None)
        found = many(sentences) if many else [tagger.spans(w) for w in sentences]  # type: ignore[attr-defined]
    except Exception:  # a broken tagger must not lose the KB matches
        return deferred
    for toks, cand, words, spans in zip(todo, todo_open, sentences, found, strict=True):
        # names found in earlier sentences only shrink what needs the tagger: re-check
        if not spans or not _needs_tagger(st, cand):
            continue
        for a0, b0, typ in spans:
            if typ not in ("PER", "LOC", "ORG") or b0 <= a0:
                continue
            a = a0
            while a < b0 and (words[a] in FUNCTION_WORDS or words[a] in LEADING_JUNK):
                a += 1
            job = next((k for k in range(a, min(a + 2, b0 - 1)) if words[k] in _JOB_WORDS), None) if typ != "PER" else None
            if JOB_NOUN_PEOPLE and job is not None and not kb.lookup(" ".join(words[job + 1 : b0])):
                typ, a = "PER", job  # "(मशहूर) गायिका कनिका कपूर" tagged as a place: a person (issue 6, fourth session)
            if typ == "PER":
                a = strip_roles(kb, words, a, b0)
            if all(is_role_word(kb, w) for w in words[a:b0]):
                continue  # only titles (एसएचओ): no name
            pieces, cur = [], a
            for k in range(a, b0):
                if words[k] in CONJUNCTIONS:
                    pieces.append((cur, k))
                    cur = k + 1
            pieces.append((cur, b0))
            for pa, pb in pieces:
                if typ == "PER":
                    pa = strip_roles(kb, words, pa, pb)
                if pb <= pa:
                    continue
                s, e = toks[pa].start, toks[pb - 1].end
                if st.covered(s, e):
                    continue
                if typ == "PER" and pb - pa == 1:
                    deferred.append((s, e, typ))
                    continue
                typ2 = typ
                if (
                    typ == "LOC"
                    and pb - pa >= 2
                    and (
                        (_person_like(words[pa:pb]) and (words[pb - 1] in SURNAMES or not kb.lookup(words[pb - 1])))
                        or (
                            SURNAME_PEOPLE
                            and pb - pa <= 3
                            and words[pb - 1] in SURNAMES
                            and not any(map(kb.lookup, words[pa:pb]))
                        )
                    )
                ):
                    typ2 = "PER"
                new_or_linked(st, s, e, typ2, CONF_NER)
    return deferred


def heuristic_people(st: State) -> None:
    """Without a tagger: ``<word> <surname>`` and ``<title> <words>`` make people."""
    units, kb = st.units, st.kb
    for i in range(1, len(units)):
        u = units[i]
        prev = units[i - 1]
        if (
            u.text in SURNAMES
            and prev.word
            and prev.text not in FUNCTION_WORDS
            and prev.sent == u.sent
            and is_devanagari(prev.text)
            and not is_role_word(kb, prev.text)
            and not st.covered(prev.start, u.end)
        ):
            new_or_linked(st, prev.start, u.end, "PER", CONF_NER - 0.1)
        if u.text.rstrip(".") in TITLES or (u.text == "." and prev.text in TITLES):
            k = i + 1
            while k < len(units) and (units[k].text == "." or (units[k].word and is_role_word(kb, units[k].text))):
                k += 1
            m = k
            while (
                m < len(units) and m < k + 3 and units[m].word and units[m].text not in FUNCTION_WORDS and units[m].sent == u.sent
            ):
                m += 1
            if m > k and not st.covered(units[k].start, units[m - 1].end):
                new_or_linked(st, units[k].start, units[m - 1].end, "PER", CONF_NER - 0.1)


def name_pairs(st: State) -> None:
    """Two adjacent words known as a given name and a family name: a person."""
    tok = name_tokens()
    units, kb = st.units, st.kb
    for i in range(len(units) - 1):
        a, b = units[i], units[i + 1]
        if a.text not in tok or a.sent != b.sent or not (b.text in SURNAMES or b.text in tok):
            continue
        if a.text in FUNCTION_WORDS or b.text in FUNCTION_WORDS or a.text in DESIGNATIONS:
            continue
        if not (is_devanagari(a.text) and is_devanagari(b.text)):
            continue
        if st.covered(a.start, b.end) or a.key in kb.index or b.key in kb.index:
            continue
        new_or_linked(st, a.start, b.end, "PER", CONF_NER - 0.1)


def titled_people(st: State) -> None:
    """``<title/role/job> <1-3 unknown words> <speech cue>`` makes a person, tagger or not
    (``संवाददाता जोनाथन हेड का कहना``, ``एसएसपी पाठक ने``)."""
    units, kb = st.units, st.kb
    n = len(units)
    roles = kb.roles
    # is_role_word needs a designation, a key in kb.roles or a final dot: only those units are looked at
    for i in st.at[MARK_TITLE]:
        u = units[i]
        if not u.word:
            continue
        t = u.text
        # is_role_word(kb, t), written out for the common case (no final dot: the unit's key is
        # name_key(t)); this loop sees every word of the article
        if not (t in PERSON_NOUNS or (is_role_word(kb, t) if t.endswith(".") else t in DESIGNATIONS or u.key in roles)):
            continue
        a = i + 1
        while a < n and units[a].word and is_role_word(kb, units[a].text) and a < i + 3:
            a += 1
        b = a
        while b < n and b < a + MAX_TITLED_NAME and units[b].word and units[b].sent == u.sent and is_devanagari(units[b].text):
            w = units[b].text
            if w in FUNCTION_WORDS or w in LEADING_JUNK or w in PERSON_NOUNS or is_role_word(kb, w) or w in NEVER_LINK_SURFACE:
                break
            b += 1
        if b in (a, n):
            continue
        cues = _CUES_BY_FIRST.get(units[b].text)  # only cues starting with this word can follow
        cued = bool(cues) and any(tuple(x.text for x in units[b : b + len(c)]) == c for c in cues)
        if not cued and not (
            PATIENT_CUE
            and units[b].text == "को"
            and not any(units[k].text in _NOT_NAMES for k in range(a, b))
            and FOUND_INFECTED_AFTER.match(st.doc.text, units[b - 1].end)
        ):
            continue
        if any(units[k].key in kb.index and units[k].text not in name_tokens() for k in range(a, b)):
            continue  # a known place or organisation, not an unknown name
        if not st.covered(units[a].start, units[b - 1].end):
            new_or_linked(st, units[a].start, units[b - 1].end, "PER", CONF_NER)


# ---- 6. short forms ---------------------------------------------------------------------
def short_forms(st: State) -> None:
    units, text = st.units, st.doc.text
    parts: dict[str, list[str]] = {}
    for ent in st.ents.values():
        if ent.type != "PER":
            continue
        forms = {text[a:b] for (a, b) in ent.mentions if b - a > 0}
        if ent.name_hi:
            forms.add(ent.name_hi)
        for f in forms:
            words = [w for w in _NAME_PARTS.split(f) if w]
            if len(words) < 2 or not is_devanagari(f):
                continue
            for w in (words[0], words[-1]):
                k = name_key(w)
                if w in FUNCTION_WORDS or w.rstrip(".") in TITLES or not k:
                    continue
                lst = parts.setdefault(k, [])
                if ent.key not in lst:
                    lst.append(ent.key)
    if not parts:
        return
    for u in compress(units, map(parts.__contains__, map(_KEY, units))):  # units whose key is a name part
        if not u.word or st.covered(u.start, u.end):
            continue
        cands = parts[u.key]
        if len(cands) > 1:  # nearest preceding full mention wins
            pos = u.start
            cands = sorted(
                cands, reverse=True, key=lambda key: max((a for (a, _b) in st.ents[key].mentions if a < pos), default=-1)
            )
        ent = st.ents[cands[0]]
        st.add(u.start, u.end, ent, min(ent.conf, 0.85))


# ---- 7. suspicious agents (garbled names) -----------------------------------------------
def agents(st: State) -> None:
    units, sents = st.units, st.doc.sentences
    pers = [e for e in st.ents.values() if e.type == "PER"]
    for i in st.at[MARK_AGENT]:
        u = units[i]
        if i + 1 >= len(units) or units[i + 1].text != "ने":
            continue
        st.flag(u.start, u.end, "a non-person word acts as speaker/agent (garbled name?)")
        sent_ents: set[str] = set()
        if u.sent < len(sents):
            lo, hi = sents[u.sent].start, sents[u.sent].end
            sent_ents = {e.key for e in pers for (a, _b) in e.mentions if lo <= a < hi}
        others = sorted((e for e in pers if e.key not in sent_ents), key=lambda e: -len(e.mentions))
        if others:
            st.add(u.start, u.end, others[0], CONF_AGENT)


def readable(surface: str) -> str:
    """Latin name for a Devanagari name outside the KB (usual spellings of known name words)."""
    tok = name_tokens()
    return " ".join(tok.get(w) or to_latin(w) for w in surface.split())
