"""Shared pieces of the entity linker: word lists, tunable numbers, the per-document state.

The word lists are data (``vaarta/data/kb/linker_words.txt``, which says where its facts
come from); the numbers below are the linker's tunable thresholds. Indexes derived from the
knowledge base (first words of aliases, inflected forms, role phrases) are built once per
loaded KB (:meth:`KnowledgeBase.derived`), so that matching a document costs dict lookups.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from vaarta.kb import KBEntity, KnowledgeBase
from vaarta.model import Document, Flag, Token
from vaarta.translit import name_key


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    raw = (resources.files("vaarta") / "data" / "kb" / "linker_words.txt").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _tab, words = line.partition("\t")
            out[name.strip()] = [w.strip() for w in words.split("|") if w.strip()]
    return out


_W = _words()

# ---- tunable constants -----------------------------------------------------------------
MAX_SPAN = 10  # longest alias, in words (the longest in the KB: 8, "दादरा और नगर हवेली और दमन और दीव")
MAX_ROLE_WORDS = 3  # longest role phrase tried
# oblique / plural endings tolerated on the last word of a KB match: (ending, replacement)
OBLIQUE = (("ियों", ""), ("ियों", "ी"), ("ियों", "िया"), ("ों", ""), ("ओं", ""), ("वासियों", ""), ("वासी", ""), ("ाई", "ा"))
# plural endings of a role word (प्रधानमंत्रियों): (ending, replacement)
ROLE_PLURAL = (("ियों", "ी"), ("ों", ""))
FUNCTION_WORDS = frozenset(_W["function_words"])
TITLES = frozenset(_W["titles"])
DESIGNATIONS = frozenset(_W["designations"]) | TITLES
SURNAMES = frozenset(_W["surnames"])
COMMON_WORD_PLACES = frozenset(name_key(w) for w in _W["common_word_places"])
NEVER_LINK = frozenset(name_key(w) for w in _W["never_link"])
NEVER_LINK_SURFACE = frozenset(_W["never_link_surface"])
DEMONYM_NAME_CUES = frozenset(_W["demonym_name_cues"])
LEADING_JUNK = frozenset(_W["leading_junk"])
NOT_ENTITIES = frozenset(name_key(s) for s in _W["not_entities"])
NON_PERSON_AGENTS = frozenset(_W["non_person_agents"])
PERSON_NOUNS = frozenset(_W["person_nouns"])
SPEECH_CUES = tuple(tuple(c.split()) for c in _W["speech_cues"])
PLACE_NOUNS = frozenset(_W["place_nouns"])
PLACE_CUES = tuple(tuple(c.split()) for c in _W["place_cues"])
# facility noun -> (English word, entity type)
FACILITY_NOUNS = {f.split("=")[0]: (f.split("=")[1], f.split("=")[2]) for f in _W["facility_nouns"]}
GENERIC_FACILITY_WORDS = frozenset(_W["generic_facility_words"])
MAX_PLACE_WORDS = 3  # uncommon words before a place noun or cue that make a place's name
CONF_PLACE_CONTEXT = 0.55
MAX_TITLED_NAME = 3  # words of a name between a title and a speech cue
CONJUNCTIONS = frozenset(["और", "व", "तथा", "एवं", ","])
GENITIVES = ("के", "की", "का")
SENTENCE_END = frozenset(["।", "॥", ".", "?", "!", ":", "|"])
# institution templates: trailing word(s) -> English pattern, entity type
INSTITUTIONS = {
    "सरकार": ("Government of {}", "ORG"),
    "पुलिस": ("{} Police", "ORG"),
    "हाई कोर्ट": ("{} High Court", "ORG"),
    "हाईकोर्ट": ("{} High Court", "ORG"),
    "उच्च न्यायालय": ("{} High Court", "ORG"),
    "क्राइम ब्रांच": ("{} Crime Branch", "ORG"),
    "विश्वविद्यालय": ("University of {}", "ORG"),
}
MINISTRIES = {
    "विदेश मंत्रालय": "Ministry of Foreign Affairs",
    "गृह मंत्रालय": "Ministry of Home Affairs",
    "स्वास्थ्य मंत्रालय": "Ministry of Health",
    "रक्षा मंत्रालय": "Ministry of Defence",
    "वित्त मंत्रालय": "Ministry of Finance",
    "रेल मंत्रालय": "Ministry of Railways",
    "शिक्षा मंत्रालय": "Ministry of Education",
}
# The number words one to ten (a count written out: "पांच मामले"), as a regex alternation.
NUMBER_WORDS = "एक|दो|तीन|चार|पांच|पाँच|छह|सात|आठ|नौ|दस"
# What follows a person found infected, read from the end of the name ("X को कोरोना पॉजिटिव पाया गया",
# "X की रिपोर्ट पॉजिटिव आई", "X, जो कि संक्रमित पाई गई हैं"); never across a speech verb or a word that
# counts other people ("X के संपर्क में आए 5 लोग संक्रमित पाए गए": X is the contact). Read by the
# entity stage (a job noun, a name and this make a person) and the events (the report's patient).
FOUND_INFECTED_AFTER = regex.compile(
    r"\s*(?:\([^()\n]{0,40}\)\s*)?,?\s*(?:(?:जो|जो\s+कि)\s+|को\s+|की\s+|भी\s+)?"
    r"(?:(?!(?:ने|कहा|बताया|संपर्क|लोग|लोगों|व्यक्ति|व्यक्तियों|सदस्य|सदस्यों|परिवार|मरीजों)(?![\p{L}\p{M}]))"
    r"[\p{L}\p{M}\d()\-]+\s+){0,6}?"
    r"(?:पॉजिटिव|पॉज़िटिव|पॉजीटिव|पोजिटिव|पॉजेटिव|पाजिटिव|संक्रमित|ग्रसित)\s+"
    r"(?:पाए|पाई|पाया|पाये|पाईं|आए|आई|आया|आने|हो|होने|निकले|निकली|निकला)(?![\p{L}\p{M}])"
)
HOME_COUNTRY = "India"  # Hindi news: an unqualified ministry is India's when India is named at all
# "In the country" (देश में, देशभर में, पूरे देश में, देश के 75 जिलों में): group 1 is the country word.
# The entity stage reads it as HOME_COUNTRY in a count sentence (entities_places.home_country),
# the event stage as the place of a national count or measure (events_bulletins).
NATIONAL_IN = regex.compile(
    r"(?<![\p{L}\p{M}])(?:पूरे\s+)?(देशभर|देश(?:\s+भर)?)\s+"
    r"(?:के\s+(?:[\p{L}\p{M}\d]+\s+){0,2}?(?:राज्यों|हिस्सों|जिलों|ज़िलों|शहरों)\s+)?में(?![\p{L}\p{M}])"
)


def home_meant(countries: Sequence[tuple[int, str]], pos: int) -> bool:
    """Whether the last country named before ``pos`` (``countries``: (start, name) in text order)
    is HOME_COUNTRY, or none is: then "देश", a bare प्रधानमंत्री … mean the home country."""
    k = bisect_left(countries, (pos, ""))
    return k == 0 or countries[k - 1][1] == HOME_COUNTRY


# confidences
CONF_KB = 0.95
CONF_KB_AMBIGUOUS = 0.7
CONF_TEMPLATE = 0.8
CONF_NER = 0.6
CONF_FUZZY = 0.75
CONF_ROLE_FIRSTNAME = 0.5
CONF_ROLE_ONLY = 0.35
CONF_AGENT = 0.3
FUZZY_MIN = 0.84  # phonetic similarity for an in-article misspelling
KIND_RANK = {"country": 0, "state": 1, "union-territory": 1, "capital": 2, "province": 2, "city": 3, "district": 3}
_WORD = regex.compile(r"[\p{L}\p{M}]")
_LETTER = regex.compile(r"\p{L}")
_JOINERS = "\u200c\u200d"
_HYPHEN = regex.compile(r"(-)")


class Unit(NamedTuple):
    """A word or punctuation mark (hyphenated words split), with its spelling key."""

    start: int
    end: int
    text: str
    sent: int
    key: str
    word: bool


@dataclass
class Ent:
    key: str
    name: str
    name_hi: str
    type: str
    kb_id: str | None
    kb: KBEntity | None = None
    conf: float = 0.0
    mentions: dict[tuple[int, int], float] = field(default_factory=dict)


class Index(NamedTuple):
    """What the linker derives from a KB once."""

    inflected: dict[str, tuple[str, ...]]  # key of an inflected one-word alias -> base keys
    role_first: dict[str, int]  # first word of a role phrase key -> most words
    role_plural: dict[str, str]  # key of a plural role word -> role id
    ministries: dict[tuple[str, str], KBEntity]  # (country, phrase key) -> ministry entity
    prefixes: frozenset[str]  # every word-prefix of an alias key ("नई", "नई दिल्ली")
    starts: frozenset[str]  # keys that start a gazetteer match: first words of aliases, inflected one-word aliases
    marks: WordMarks  # unit text -> its key, letter test and MARK_* bits, filled as words are seen


# Which passes look at a unit, by its text (and the key and letter test that follow from it):
# State.at[MARK_x] lists those units' indexes, found in one pass over the units per document
MARK_GAZETTEER = 1  # a word whose key starts a gazetteer match
MARK_ROLE = 2  # a key that starts a role phrase or is a plural role word
MARK_TITLE = 4  # may be a title/role/person noun before a name (titled_people)
MARK_PLACE = 8  # a word that is a facility noun, a place noun or starts a place cue
MARK_TEMPLATE = 16  # the first word of an institution or ministry template
MARK_AGENT = 32  # a non-person word that may act as a speaker
MARKS = (MARK_GAZETTEER, MARK_ROLE, MARK_TITLE, MARK_PLACE, MARK_TEMPLATE, MARK_AGENT)
MARKS_MAX_WORDS = 200_000  # the word cache is emptied when this full
_TITLE_WORDS = PERSON_NOUNS | DESIGNATIONS
_PLACE_WORDS = frozenset(FACILITY_NOUNS) | PLACE_NOUNS | frozenset(c[0] for c in PLACE_CUES)
_TEMPLATE_WORDS = frozenset(p.split()[0] for p in (*INSTITUTIONS, *MINISTRIES))


class WordMarks(dict):  # type: ignore[type-arg]
    """A bounded cache ``unit or token text -> (key, starts with a letter, MARK_* bits, is_open)``;
    pickled empty."""

    def __reduce__(self) -> tuple[type, tuple[()]]:
        return (WordMarks, ())


def _marks_of(idx: Index, roles: dict[str, str], text: str, key: str, word: bool) -> int:
    m = 0
    if word and key in idx.starts:
        m |= MARK_GAZETTEER
    if key in idx.role_first or key in idx.role_plural:
        m |= MARK_ROLE
    if text in _TITLE_WORDS or key in roles or text.endswith("."):
        m |= MARK_TITLE
    if word and text in _PLACE_WORDS:
        m |= MARK_PLACE
    if text in _TEMPLATE_WORDS:
        m |= MARK_TEMPLATE
    if text in NON_PERSON_AGENTS:
        m |= MARK_AGENT
    return m


def _build_index(kb: KnowledgeBase) -> Index:
    inflected: dict[str, list[str]] = {}
    endings = [(name_key(rep) if rep else "", name_key(end)) for end, rep in OBLIQUE]  # (key of rep, key of end)
    for k in kb.index:
        if " " in k:
            continue
        for rk, ek in endings:
            if not rk:
                form = k + ek
            elif k.endswith(rk):
                form = k[: -len(rk)] + ek
            else:
                continue
            lst = inflected.get(form)
            if lst is None:
                inflected[form] = [k]
            elif k not in lst:
                lst.append(k)
    role_first: dict[str, int] = {}
    role_plural: dict[str, str] = {}
    for k, role in kb.roles.items():
        w = k.split(" ")
        role_first[w[0]] = max(role_first.get(w[0], 0), len(w))
        if len(w) == 1:
            for end, rep in ROLE_PLURAL:
                rk = name_key(rep) if rep else ""
                if not rk or k.endswith(rk):
                    role_plural[(k[: -len(rk)] if rk else k) + name_key(end)] = role
    ministries: dict[tuple[str, str], KBEntity] = {}
    for x in kb:
        if x.kind != "ministry" or not x.country:
            continue
        forms = name_key(" ".join((x.name_hi, *x.aliases)))
        for phrase in MINISTRIES:
            pk = name_key(phrase)
            if pk in forms:
                ministries.setdefault((x.country, pk), x)
    prefixes = set()
    for k in kb.index:
        if " " not in k:
            prefixes.add(k)
            continue
        w = k.split(" ")
        prefixes.update(" ".join(w[:n]) for n in range(1, len(w) + 1))
    starts = set(inflected) | {k for k, v in kb.first_words.items() if v}
    return Index(
        {k: tuple(v) for k, v in inflected.items()},
        role_first,
        role_plural,
        ministries,
        frozenset(prefixes),
        frozenset(starts),
        WordMarks(),
    )


def index_of(kb: KnowledgeBase) -> Index:
    return kb.derived("entities.index", _build_index)  # type: ignore[return-value]


class State:
    """Everything the passes share while linking one document."""

    def __init__(self, doc: Document, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.idx = index_of(kb)
        # the units, and the ones each pass looks at (MARK_* -> indexes, in order)
        self.units, self.at, self.open_toks = _units_and_marks(doc, self.idx, kb.roles)
        self.ents: dict[str, Ent] = {}
        self.mask = bytearray(len(doc.text) + 1)  # 1 where a taken mention lies
        self.by_end: dict[int, list[tuple[Ent, int]]] = {}  # mention end -> (entity, start)
        self.starts: set[int] = set()  # mention starts
        self.flags: list[Flag] = []
        self.added: list[tuple[Ent, int, int]] = []  # every new mention, in order (read by name linking)
        self.forms: object = None  # person-name index of :mod:`vaarta.entities_names`, built on demand

    def covered(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) != -1

    def add(self, s: int, e: int, ent: Ent, conf: float, take: bool = True) -> Ent:
        cur = self.ents.setdefault(ent.key, ent)
        if (s, e) not in cur.mentions:
            self.by_end.setdefault(e, []).append((cur, s))
            self.starts.add(s)
            self.added.append((cur, s, e))
        cur.mentions[(s, e)] = max(conf, cur.mentions.get((s, e), 0.0))
        cur.conf = max(cur.conf, conf)
        if take:
            self.mask[s:e] = b"\x01" * (e - s)
        return cur

    def countries(self) -> list[tuple[int, str]]:
        """(start, name) of the mentions of knowledge-base countries found so far, in text order."""
        return sorted(
            (a, e.name) for e in self.ents.values() if e.kb is not None and e.kb.kind == "country" for a, _b in e.mentions
        )

    def flag(self, s: int, e: int, note: str) -> None:
        if not any(f.start == s and f.end == e for f in self.flags):
            self.flags.append(Flag("suspect-name", s, e, note))


@lru_cache(maxsize=1 << 16)
def _key_and_word(txt: str) -> tuple[str, bool]:
    """(spelling key, starts with a letter) of a token's text: pure, memoised (words repeat)."""
    return name_key(txt), bool(_WORD.match(txt))


_NEW_UNIT = tuple.__new__  # Unit(...) without NamedTuple's Python-level __new__ (~800 units an article)


def units_of(doc: Document) -> list[Unit]:
    sent_starts = [s.start for s in doc.sentences] or [0]
    out: list[Unit] = []
    si, nsent = 0, len(sent_starts)
    nxt = sent_starts[1] if nsent > 1 else None

    def flush(s0: int, end: int, txt: str) -> None:
        nonlocal si, nxt
        while nxt is not None and s0 >= nxt:
            si += 1
            nxt = sent_starts[si + 1] if si + 1 < nsent else None
        if "-" in txt and len(txt) > 1:
            pos = s0
            for part in _HYPHEN.split(txt):
                if part:
                    out.append(Unit(pos, pos + len(part), part, si, name_key(part), bool(_WORD.match(part))))
                    pos += len(part)
        else:
            key, word = _key_and_word(txt)
            out.append(_NEW_UNIT(Unit, (s0, end, txt, si, key, word)))

    ps, pe, ptxt = -1, -1, ""  # the word being built: tokens a tokenizer split at ZWJ/ZWNJ are re-joined (कश्‍मीर)
    for t in doc.tokens:
        tx = t.text
        if pe == t.start and (tx[:1] in _JOINERS or ptxt[-1:] in _JOINERS or (tx[:1] == "-" and len(tx) > 1)):
            pe = t.end
            ptxt += tx
            continue
        if ps >= 0:
            flush(ps, pe, ptxt)
        ps, pe, ptxt = t.start, t.end, tx
    if ps >= 0:
        flush(ps, pe, ptxt)
    return out


def is_open(w: str) -> bool:
    """Not an ordinary word (``tagger_skip_words``) and has a letter: a token the tagger pass
    may need (entities_names._needs_tagger)."""
    return w not in tagger_skip_words() and _LETTER.search(w) is not None


def _unit_info(idx: Index, roles: dict[str, str], text: str) -> tuple[str, bool, int, bool]:
    key, word = _key_and_word(text)
    return key, word, _marks_of(idx, roles, text, key, word), is_open(text)


_MARK_BITS = tuple(tuple(b for b in MARKS if m & b) for m in range(1 << len(MARKS)))  # marks -> its bits
_FAR = 1 << 62
_END = Token(_FAR, _FAR, " ")  # after the last token: flushes the last word, never joined


def _units_and_marks(doc: Document, idx: Index, roles: dict[str, str]) -> tuple[list[Unit], dict[int, list[int]], list[Token]]:
    """``units_of(doc)``, the indexes of the units with each ``MARK_*`` bit, and the tokens
    that are open words (``is_open``: what the tagger pass looks at), in one pass (one cache
    look-up per unit for its key, letter test, marks and openness)."""
    cache = idx.marks
    if len(cache) > MARKS_MAX_WORDS:
        cache.clear()
    get = cache.get
    at: dict[int, list[int]] = {b: [] for b in MARKS}
    bits = _MARK_BITS
    sent_starts = [s.start for s in doc.sentences] or [0]
    out: list[Unit] = []
    append, new = out.append, _NEW_UNIT
    open_toks: list[Token] = []
    n = 0  # len(out)
    si, nsent = 0, len(sent_starts)
    nxt = sent_starts[1] if nsent > 1 else _FAR  # start of the next sentence
    # the word being built: tokens a tokenizer split at ZWJ/ZWNJ or before a hyphen are
    # re-joined (as units_of); a word is turned into units when the next one starts.
    # pt: its first token; joined: its tokens when more than one
    ps, pe, ptxt = -1, -1, ""
    pt = _END
    joined: list[Token] | None = None
    for t in (*doc.tokens, _END):
        tx = t.text
        if pe == t.start and (tx[:1] in _JOINERS or ptxt[-1:] in _JOINERS or (tx[:1] == "-" and len(tx) > 1)):
            pe = t.end
            ptxt += tx
            if joined is None:
                joined = [pt, t]
            else:
                joined.append(t)
            continue
        if ps >= 0:
            while ps >= nxt:
                si += 1
                nxt = sent_starts[si + 1] if si + 1 < nsent else _FAR
            if joined is None and ("-" not in ptxt or len(ptxt) == 1):  # one token, one unit (most words)
                info = get(ptxt)
                if info is None:
                    info = cache[ptxt] = _unit_info(idx, roles, ptxt)
                if info[2]:
                    for b in bits[info[2]]:
                        at[b].append(n)
                if info[3]:
                    open_toks.append(pt)
                append(new(Unit, (ps, ps + len(ptxt), ptxt, si, info[0], info[1])))
                n += 1
            else:
                for tok in joined or (pt,):
                    info = get(tok.text)
                    if info is None:
                        info = cache[tok.text] = _unit_info(idx, roles, tok.text)
                    if info[3]:
                        open_toks.append(tok)
                parts = [x for x in _HYPHEN.split(ptxt) if x] if "-" in ptxt and len(ptxt) > 1 else (ptxt,)
                pos = ps
                for part in parts:
                    info = get(part)
                    if info is None:
                        info = cache[part] = _unit_info(idx, roles, part)
                    key, word, m, _open = info
                    if m:
                        for b in bits[m]:
                            at[b].append(n)
                    append(new(Unit, (pos, pos + len(part), part, si, key, word)))
                    n += 1
                    pos += len(part)
        ps, pe, ptxt, pt, joined = t.start, t.end, tx, t, None
    return out, at, open_toks


def kb_ent(e: KBEntity) -> Ent:
    return Ent(e.name, e.name, e.name_hi, e.type, e.kb_id, e)


def span_key(units: list[Unit], i: int, j: int) -> str:
    """``name_key`` of the text of units ``i..j-1`` (words joined by one space)."""
    return " ".join(u.key for u in units[i:j] if u.key)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Spelling keys of ordinary Hindi words (``vaarta/data/kb/common_words.txt``)."""
    p = resources.files("vaarta") / "data" / "kb" / "common_words.txt"
    try:
        raw = p.read_text("utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(w for w in raw.splitlines() if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def tagger_skip_words() -> frozenset[str]:
    """Words that never need the NER tagger (``vaarta/data/kb/tagger_skip_words.txt``) plus the
    function words: a sentence made only of these, punctuation, numbers and KB matches is not tagged."""
    p = resources.files("vaarta") / "data" / "kb" / "tagger_skip_words.txt"
    try:
        raw = p.read_text("utf-8")
    except FileNotFoundError:
        return FUNCTION_WORDS
    return frozenset(w for w in raw.splitlines() if w and not w.startswith("#")) | FUNCTION_WORDS


@lru_cache(maxsize=1)
def name_tokens() -> dict[str, str]:
    """Hindi given/family name -> its usual Latin spelling (``vaarta/data/kb/name_tokens.txt``)."""
    out: dict[str, str] = {}
    p = resources.files("vaarta") / "data" / "kb" / "name_tokens.txt"
    try:
        raw = p.read_text("utf-8")
    except FileNotFoundError:
        return out
    for line in raw.splitlines()[3:]:
        cols = line.split("\t")
        if len(cols) >= 2:
            out[cols[0]] = cols[1]
    return out
