"""Entities: who and where, linked to one canonical name across spellings and scripts.

``find_entities(doc, res)`` combines, in this order:

1. knowledge-base gazetteer matching over the words (longest match first, spelling-normalised,
   oblique/plural endings tolerated, demonyms such as ``रूसी`` → Russia);
2. institution templates: ``<place> सरकार`` → Government of X, ``<place> पुलिस`` → X Police,
   ``[country] विदेश मंत्रालय`` → that country's ministry (the article's main country when
   none is named);
3. role phrases (``रूसी राष्ट्रपति``, ``चीन के राष्ट्रपति``) resolved with ``kb.holder`` on the
   publication date; a name after the role that does not match the holder (garbled MT such as
   ``व्लादिमीर अलेक्जेंडर``) is linked to the holder with low confidence and flagged;
4. Latin names in parentheses after a Hindi name (``शी जिनपिंग (Xi Jinping)``);
5. the NER tagger's spans (``res.ner``, optional), linked by KB lookup, by fuzzy match to an
   entity already in the article, or kept as new entities with a Latin transliteration;
6. short forms later in the article (``पुतिन``, ``शी``) → the full-name entity seen earlier;
7. non-person words acting as speakers (``ड्रैगन ने …``) → ``suspect-name`` flag.

Every mention satisfies ``doc.text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

from vaarta.kb import KBEntity, KnowledgeBase, default_kb
from vaarta.model import Document, Entity, Flag, Mention, Resources
from vaarta.translit import is_devanagari, name_key, similarity, to_latin

__all__ = ["find_entities"]

# ---- tunable constants -----------------------------------------------------------------
MAX_SPAN = 7  # longest alias, in words
# oblique / plural endings tolerated on the last word of a KB match: (ending, replacement)
OBLIQUE = (("ियों", ""), ("ियों", "ी"), ("ियों", "िया"), ("ों", ""), ("ओं", ""), ("वासियों", ""), ("वासी", ""), ("ाई", "ा"))
# words after which a following name is not part of an entity and that never start names
FUNCTION_WORDS = frozenset(
    [
        "ने",
        "को",
        "से",
        "में",
        "पर",
        "का",
        "के",
        "की",
        "और",
        "तथा",
        "एवं",
        "या",
        "व",
        "है",
        "हैं",
        "था",
        "थे",
        "थी",
        "भी",
        "ही",
        "तो",
        "कि",
        "जो",
        "जिस",
        "जिन",
        "इस",
        "उस",
        "यह",
        "वह",
        "ये",
        "वे",
        "साथ",
        "बीच",
        "लिए",
        "द्वारा",
        "बाद",
        "पहले",
        "दौरान",
        "तक",
        "अपने",
        "अपनी",
        "अपना",
        "उनके",
        "उनकी",
        "उनका",
        "उन्होंने",
        "इन",
        "उन",
        "कहा",
        "कहना",
        "बताया",
        "नेता",
        "नेताओं",
        "सरकार",
        "देश",
        "देशों",
        "दोनों",
        "एक",
        "दो",
        "तीन",
        "शीर्ष",
        "अधिकारी",
        "प्रवक्ता",
        "मंत्री",
        "मंत्रालय",
        "सचिव",
    ]
)
# titles that announce a person name
TITLES = frozenset(["श्री", "श्रीमती", "सुश्री", "डॉ", "डॉक्टर", "प्रो", "प्रोफेसर", "मिस्टर", "मिसेज", "जनाब", "कैप्टन"])
# common Hindi surnames: with an unknown preceding word they make a PER span when no tagger runs
SURNAMES = frozenset(
    [
        "सिंह",
        "शर्मा",
        "वर्मा",
        "यादव",
        "गुप्ता",
        "तिवारी",
        "पांडेय",
        "पाण्डेय",
        "मिश्रा",
        "मिश्र",
        "चौहान",
        "जैन",
        "अग्रवाल",
        "खान",
        "कुमार",
        "ठाकुर",
        "चौधरी",
        "पटेल",
        "शाह",
        "मेहता",
        "जोशी",
        "रेड्डी",
        "नायडू",
        "राव",
        "अहमद",
        "हुसैन",
        "अली",
        "सिन्हा",
        "श्रीवास्तव",
        "दुबे",
        "द्विवेदी",
        "त्रिपाठी",
        "चतुर्वेदी",
        "शुक्ला",
        "दास",
        "बनर्जी",
        "मुखर्जी",
        "चटर्जी",
        "घोष",
        "बोस",
        "सेन",
        "नायर",
        "मेनन",
        "पिल्लई",
        "गांधी",
        "मोदी",
    ]
)
# single words that are also common Hindi words: linked as places only when a place of the same
# state/country is named elsewhere in the article
COMMON_WORD_PLACES = frozenset(
    name_key(w) for w in ["कल्याण", "सूरत", "कोटा", "बस्ती", "पुरी", "मालदा", "सारण", "अमरावती", "छावनी", "भाषा", "डॉन", "संसद"]
)
NEVER_LINK = frozenset(name_key(w) for w in ["गया", "आप", "संघ", "अगर", "सोची", "रोहिणी", "ले", "केस"])
# words a tagger may put at the start of a span that are never part of a name
LEADING_JUNK = frozenset(["वाले", "वाली", "वाला", "रहने", "निवासी", "मृतक", "घायल", "आरोपी"])
# designations that a tagger includes in a person span; stripped from its start
DESIGNATIONS = (
    frozenset(
        [
            "कैप्टन",
            "कलेक्टर",
            "एसएसपी",
            "एसपी",
            "एसएचओ",
            "डीएम",
            "डीसीपी",
            "आईजी",
            "डीआईजी",
            "चीफ",
            "सेक्रेटरी",
            "सेक्रटरी",
            "इंस्पेक्टर",
            "दरोगा",
            "थानाध्यक्ष",
            "प्रभारी",
            "जज",
            "न्यायाधीश",
            "मेजर",
            "कर्नल",
            "जनरल",
            "सांसद",
            "विधायक",
            "पार्षद",
            "प्रवक्ता",
        ]
    )
    | TITLES
)
# surface strings that taggers mistake for names (boilerplate, headings)
NOT_ENTITIES = frozenset(name_key(s) for s in ["टॉप हेडलाइंस", "ट्रेंडिंग न्यूज", "ये भी पढ़ें", "यह भी पढ़ें", "लाइव", "वीडियो"])
# nouns that are not people; as the agent of ने they point at garbled MT
NON_PERSON_AGENTS = frozenset(["ड्रैगन", "भालू", "बाघ", "शेर", "हाथी", "भेड़िया", "अजगर", "बंदर", "अवास्तविक", "मशीन", "कंप्यूटर"])
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
_KIND_RANK = {"country": 0, "state": 1, "union-territory": 1, "capital": 2, "province": 2, "city": 3, "district": 3}
_WORD = regex.compile(r"[\p{L}\p{M}]")


_JOINERS = "\u200c\u200d"


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int
    end: int
    text: str
    sent: int


@dataclass
class _Ent:
    key: str
    name: str
    name_hi: str
    type: str
    kb_id: str | None
    kb: KBEntity | None = None
    conf: float = 0.0
    mentions: dict[tuple[int, int], float] = field(default_factory=dict)


class _State:
    def __init__(self, doc: Document, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.units = _units(doc)
        self.ents: dict[str, _Ent] = {}
        self.taken: list[tuple[int, int]] = []
        self.flags: list[Flag] = []

    def covered(self, s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in self.taken)

    def add(self, s: int, e: int, ent: _Ent, conf: float, take: bool = True) -> _Ent:
        cur = self.ents.setdefault(ent.key, ent)
        cur.mentions[(s, e)] = max(conf, cur.mentions.get((s, e), 0.0))
        cur.conf = max(cur.conf, conf)
        if take:
            self.taken.append((s, e))
        return cur

    def flag(self, s: int, e: int, note: str) -> None:
        if not any(f.start == s and f.end == e for f in self.flags):
            self.flags.append(Flag("suspect-name", s, e, note))


def _units(doc: Document) -> list[_Unit]:
    sent_starts = [s.start for s in doc.sentences] or [0]
    out: list[_Unit] = []
    si = 0
    toks: list[tuple[int, int, str]] = []
    for t in doc.tokens:  # re-join words that a tokenizer split at ZWJ/ZWNJ (कश्‍मीर)
        if (
            toks
            and toks[-1][1] == t.start
            and (t.text[:1] in _JOINERS or toks[-1][2][-1:] in _JOINERS or (t.text[:1] == "-" and len(t.text) > 1))
        ):
            ps, _pe, ptxt = toks[-1]
            toks[-1] = (ps, t.end, ptxt + t.text)
        else:
            toks.append((t.start, t.end, t.text))
    for start, end, ttext in toks:
        t = _Tok(start, end, ttext)
        while si + 1 < len(sent_starts) and t.start >= sent_starts[si + 1]:
            si += 1
        if "-" in t.text and len(t.text) > 1:
            pos = t.start
            for part in regex.split(r"(-)", t.text):
                if part:
                    out.append(_Unit(pos, pos + len(part), part, si))
                    pos += len(part)
        else:
            out.append(_Unit(t.start, t.end, t.text, si))
    return out


def _kb_ent(e: KBEntity) -> _Ent:
    return _Ent(e.name, e.name, e.name_hi, e.type, e.kb_id, e)


def _is_word(u: _Unit) -> bool:
    return bool(_WORD.match(u.text))


# ---- 1. gazetteer ------------------------------------------------------------------------
def _gazetteer(st: _State) -> None:
    kb, units, text = st.kb, st.units, st.doc.text
    hits: list[tuple[int, int, list[KBEntity], bool]] = []  # unit i, j, entities, via demonym
    i = 0
    while i < len(units):
        if not _is_word(units[i]):
            i += 1
            continue
        found = False
        fk = name_key(units[i].text)
        span_max = kb.first_words.get(fk, 0)
        for end, rep in OBLIQUE:
            if fk and units[i].text.endswith(end):
                span_max = max(span_max, kb.first_words.get(name_key(units[i].text[: -len(end)] + rep), 0))
        if span_max == 0:
            i += 1
            continue
        for j in range(min(len(units), i + MAX_SPAN, i + 2 * span_max + 1), i, -1):
            if units[j - 1].sent != units[i].sent or not _is_word(units[j - 1]):
                continue
            if any(not _is_word(u) and u.text not in "-." for u in units[i:j]):
                continue
            surface = text[units[i].start : units[j - 1].end]
            cands = kb.lookup(surface)
            demonym = bool(cands) and kb.is_demonym(surface)
            if not cands:
                last = units[j - 1].text
                for end, rep in OBLIQUE:
                    if last.endswith(end) and len(last) > len(end) + 1:
                        alt = text[units[i].start : units[j - 1].start] + last[: -len(end)] + rep
                        cands = kb.lookup(alt)
                        if cands and name_key(alt) in COMMON_WORD_PLACES:
                            cands = []
                        if cands:
                            demonym = kb.is_demonym(alt)
                            break
            if not cands:
                continue
            k = name_key(surface)
            if k in NEVER_LINK or len(k) < 2:
                continue
            hits.append((i, j, cands, demonym))
            i = j
            found = True
            break
        if not found:
            i += 1
    # evidence for disambiguation: names, states and countries of unambiguous hits
    present: set[str] = set()
    for hi, hj, cands, _d in hits:
        if name_key(text[units[hi].start : units[hj - 1].end]) in COMMON_WORD_PLACES:
            continue
        if len(cands) == 1:
            e = cands[0]
            present.update(x for x in (e.name, e.region, e.country) if x)
    for i, j, cands, _demonym in hits:
        s, e = units[i].start, units[j - 1].end
        surface_key = name_key(text[s:e])
        if len(cands) > 1:
            ranked = sorted(
                cands,
                key=lambda c: (-(c.region in present) - (c.country in present) - (c.name in present), _KIND_RANK.get(c.kind, 5)),
            )
            best = ranked[0]
            conf = CONF_KB_AMBIGUOUS
        else:
            best = cands[0]
            conf = CONF_KB
        if surface_key in COMMON_WORD_PLACES and not (
            (best.region and best.region in present - {best.name})
            or any(x.region == best.region and x.name != best.name for x in (st.kb.get(p) for p in present) if x and best.region)
        ):
            continue
        st.add(s, e, _kb_ent(best), conf)


# ---- 2. institution templates -----------------------------------------------------------
def _place_before(st: _State, i: int, genitive: bool = True) -> tuple[_Ent, int] | None:
    """The LOC entity whose mention ends right before unit ``i`` (optionally + के/की/का)."""
    units = st.units
    for back in (1, 2) if genitive else (1,):
        k = i - back
        if k < 0:
            return None
        if back == 2 and units[k + 1].text not in ("के", "की", "का"):
            return None
        for ent in st.ents.values():
            if ent.type == "LOC" and any(e == units[k].end for (_s, e) in ent.mentions):
                s = next(s for (s, e) in ent.mentions if e == units[k].end)
                return ent, s
    return None


def _main_country(st: _State) -> str:
    best, n = "India", 0
    for ent in st.ents.values():
        if ent.kb is not None and ent.kb.kind == "country" and len(ent.mentions) > n:
            best, n = ent.name, len(ent.mentions)
    return best


def _templates(st: _State) -> None:
    units, text = st.units, st.doc.text
    phrases = [(tuple(p.split()), p, v) for p, v in INSTITUTIONS.items()]
    for i in range(len(units)):
        for words, _p, (pattern, typ) in phrases:
            j = i + len(words)
            if j > len(units) or tuple(u.text for u in units[i:j]) != words:
                continue
            if st.covered(units[i].start, units[j - 1].end):
                continue
            pl = _place_before(st, i, genitive=words == ("सरकार",))
            if pl is None:
                continue
            place, s = pl
            e = units[j - 1].end
            name = pattern.format(place.name.split(",")[0])
            kbe = st.kb.get(name)
            ent = _kb_ent(kbe) if kbe else _Ent(name, name, text[s:e], typ, None)
            # the place mention stays; the institution spans place + word
            st.add(s, e, ent, CONF_TEMPLATE)
    main = None
    for i in range(len(units)):
        for phrase, stem in MINISTRIES.items():
            words = phrase.split()
            j = i + len(words)
            if j > len(units) or [u.text for u in units[i:j]] != words:
                continue
            if st.covered(units[i].start, units[j - 1].end):
                continue
            pl = _place_before(st, i)
            if pl is not None:
                country, s = pl[0].name, pl[1]
            else:
                main = main or _main_country(st)
                country, s = main, units[i].start
            e = units[j - 1].end
            kbe = next(
                (
                    x
                    for x in st.kb
                    if x.kind == "ministry"
                    and x.country == country
                    and name_key(phrase) in name_key(" ".join((x.name_hi, *x.aliases)))
                ),
                None,
            )
            if kbe is not None:
                ent = _kb_ent(kbe)
            else:
                name = f"{stem} ({country})"
                ent = _Ent(name, name, text[s:e], "ORG", None)
            st.add(s, e, ent, CONF_TEMPLATE)


# ---- 3. roles ---------------------------------------------------------------------------
def _role_at(st: _State, i: int) -> tuple[str, int] | None:
    units = st.units
    for n in (3, 2, 1):
        j = i + n
        if j > len(units):
            continue
        phrase = " ".join(u.text for u in units[i:j])
        r = st.kb.role_of(phrase)
        if r is None and n == 1:
            w = units[i].text
            for end in ("ियों", "ों"):
                if w.endswith(end):
                    r = st.kb.role_of(w[: -len(end)] + ("ी" if end == "ियों" else ""))
                    if r:
                        return r, -j  # plural: no name follows
        if r is not None:
            return r, j
    return None


def _name_after(st: _State, j: int) -> tuple[int, int] | None:
    units = st.units
    k = j
    while k < len(units) and k < j + 3 and _is_word(units[k]) and units[k].sent == units[j - 1].sent:
        if units[k].text in FUNCTION_WORDS:
            break
        if st.kb.role_of(units[k].text) and k > j:
            k += 1  # garbled repeats such as "व्लादिमीर राष्ट्रपति" keep the role word
            break
        k += 1
    return (j, k) if k > j else None


def _holder_match(st: _State, cands: list[KBEntity], name: str, first: str) -> tuple[KBEntity, float, str] | None:
    best: tuple[KBEntity, float, str] | None = None
    for c in cands:
        forms = [f for f in (c.name_hi, *c.aliases, c.name) if f]
        sim = max(similarity(name, f) for f in forms)
        if sim >= FUZZY_MIN and (best is None or sim > best[1]):
            best = (c, CONF_FUZZY, f"misspelt name of {c.name} (after its role)")
        parts = [name_key(w) for f in forms for w in f.split() if is_devanagari(f) or f == c.name]
        if best is None and name_key(first) in parts:
            best = (c, CONF_ROLE_FIRSTNAME, f"garbled name: role and '{first}' point to {c.name}")
    return best


def _roles(st: _State) -> None:
    units, kb, date = st.units, st.kb, st.doc.published
    for i in range(len(units)):
        ra = _role_at(st, i)
        if ra is None:
            continue
        role, j = ra
        pl = _place_before(st, i)
        if pl is None:
            continue
        place = pl[0]
        jur = place.kb.name if place.kb else place.name
        terms = kb.terms(role, jur)
        if not terms:
            continue
        if date:
            h = kb.holder(role, jur, date)
            cands = [h] if h else []
        else:
            cands = kb.holders(role, jur)
            in_doc = [c for c in cands if c.name in st.ents]
            cands = in_doc or cands
        if j < 0 or not cands:
            continue
        span = _name_after(st, j)
        if span is not None:
            a, b = span
            s, e = units[a].start, units[b - 1].end
            owner = next((x for x in st.ents.values() if (s, e) in x.mentions or any(ms == s for (ms, _me) in x.mentions)), None)
            if owner is not None and owner.type == "PER":
                continue  # a KB name follows the role: already linked
            if owner is not None:
                continue
            name = st.doc.text[s:e]
            m = _holder_match(st, cands, name, units[a].text)
            if m is None and len(cands) == 1 and date:
                m = (cands[0], CONF_ROLE_ONLY, f"name after role does not match holder {cands[0].name}")
            if m is not None:
                c, conf, note = m
                st.add(s, e, _kb_ent(c), conf)
                st.flag(s, e, note)
                continue
        # role only: attach to the holder when the article names that person elsewhere
        if len(cands) == 1 and cands[0].name in st.ents:
            s, e = units[i].start, units[j - 1].end
            if not st.covered(s, e):
                st.add(s, e, st.ents[cands[0].name], CONF_ROLE_ONLY, take=False)


# ---- 4. Latin names in parentheses ------------------------------------------------------
def _parentheses(st: _State) -> None:
    units, text = st.units, st.doc.text
    ends = {e: ent for ent in st.ents.values() for (_s, e) in ent.mentions}
    for i, u in enumerate(units):
        if u.text != "(" or i == 0 or units[i - 1].end not in ends:
            continue
        k = i + 1
        while k < len(units) and units[k].text != ")" and k < i + 6:
            k += 1
        if k >= len(units) or units[k].text != ")" or k == i + 1:
            continue
        s, e = units[i + 1].start, units[k - 1].end
        inner = text[s:e]
        if is_devanagari(inner) or not regex.match(r"^[\p{Latin} .'-]+$", inner):
            continue
        ent = ends[units[i - 1].end]
        if not st.covered(s, e) or (s, e) in ent.mentions:
            st.add(s, e, ent, ent.conf)


# ---- 5. NER and surname heuristics ------------------------------------------------------
def _new_or_linked(st: _State, s: int, e: int, typ: str, conf: float) -> None:
    surface = st.doc.text[s:e]
    k = name_key(surface)
    if not k or k in NOT_ENTITIES or k in NEVER_LINK or len(k) < 2:
        return
    hits = [h for h in st.kb.lookup(surface) if h.type == typ] or st.kb.lookup(surface)
    if hits:
        st.add(s, e, _kb_ent(hits[0]), CONF_KB_AMBIGUOUS)
        return
    # a misspelling of an entity already in the article
    for ent in list(st.ents.values()):
        if ent.type != typ or ent.type != "PER":
            continue
        forms = {ent.name_hi, ent.name, *(st.doc.text[a:b] for (a, b) in ent.mentions)}
        if max(similarity(surface, f) for f in forms if f) >= FUZZY_MIN and len(k) > 3:
            st.add(s, e, ent, CONF_FUZZY)
            if name_key(surface) not in {name_key(f) for f in forms if f}:
                st.flag(s, e, f"misspelt name of {ent.name}")
            return
    name = _readable(surface) if is_devanagari(surface) else surface
    st.add(s, e, _Ent(name, name, surface if is_devanagari(surface) else "", typ, None), conf)


def _ner(st: _State, ner: object) -> list[tuple[int, int, str]]:
    """Tagger spans; single-word person spans are returned for after the short-form pass."""
    doc = st.doc
    deferred: list[tuple[int, int, str]] = []
    for sent in doc.sentences:
        toks = [t for t in doc.tokens if sent.start <= t.start < sent.end]
        if not toks:
            continue
        try:
            spans = ner.spans([t.text for t in toks])  # type: ignore[attr-defined]
        except Exception:  # a broken tagger must not lose the KB matches
            return deferred
        for a0, b0, typ in spans:
            if typ not in ("PER", "LOC", "ORG") or b0 <= a0:
                continue
            a = a0
            while a < b0 and (
                toks[a].text in FUNCTION_WORDS
                or toks[a].text in LEADING_JUNK
                or (typ == "PER" and toks[a].text.rstrip(".") in DESIGNATIONS)
            ):
                a += 1
            pieces, cur = [], a
            for k in range(a, b0):
                if toks[k].text in ("और", "व", "तथा", "एवं", ","):
                    pieces.append((cur, k))
                    cur = k + 1
            pieces.append((cur, b0))
            for pa, pb in pieces:
                if pb <= pa:
                    continue
                s, e = toks[pa].start, toks[pb - 1].end
                if st.covered(s, e):
                    continue
                if typ == "PER" and pb - pa == 1:
                    deferred.append((s, e, typ))
                    continue
                if (
                    typ == "LOC"
                    and pb - pa >= 2
                    and all(t.text in _name_tokens() or t.text in SURNAMES for t in toks[pa:pb])
                    and (toks[pb - 1].text in SURNAMES or not st.kb.lookup(toks[pb - 1].text))
                ):
                    typ2 = "PER"
                else:
                    typ2 = typ
                _new_or_linked(st, s, e, typ2, CONF_NER)
    return deferred


def _heuristic_people(st: _State) -> None:
    units = st.units
    for i in range(1, len(units)):
        u = units[i]
        prev = units[i - 1]
        if (
            u.text in SURNAMES
            and _is_word(prev)
            and prev.text not in FUNCTION_WORDS
            and prev.sent == u.sent
            and is_devanagari(prev.text)
        ):
            s = prev.start
            if i >= 2 and units[i - 2].text.rstrip(".") in TITLES:
                pass
            if not st.covered(s, u.end) and not st.kb.role_of(prev.text):
                _new_or_linked(st, s, u.end, "PER", CONF_NER - 0.1)
        if u.text.rstrip(".") in TITLES or (u.text == "." and prev.text in TITLES):
            k = i + 1
            while k < len(units) and units[k].text == ".":
                k += 1
            m = k
            while (
                m < len(units)
                and m < k + 3
                and _is_word(units[m])
                and units[m].text not in FUNCTION_WORDS
                and units[m].sent == u.sent
            ):
                m += 1
            if m > k and not st.covered(units[k].start, units[m - 1].end):
                _new_or_linked(st, units[k].start, units[m - 1].end, "PER", CONF_NER - 0.1)


def _name_pairs(st: _State) -> None:
    """Two adjacent words known as a given name and a family name: a person."""
    tok = _name_tokens()
    units = st.units
    for i in range(len(units) - 1):
        a, b = units[i], units[i + 1]
        if a.sent != b.sent or not (is_devanagari(a.text) and is_devanagari(b.text)):
            continue
        if a.text in FUNCTION_WORDS or b.text in FUNCTION_WORDS or a.text in DESIGNATIONS:
            continue
        if a.text not in tok or not (b.text in SURNAMES or b.text in tok):
            continue
        if st.covered(a.start, b.end) or st.kb.lookup(a.text) or st.kb.lookup(b.text):
            continue
        _new_or_linked(st, a.start, b.end, "PER", CONF_NER - 0.1)


# ---- 6. short forms ---------------------------------------------------------------------
def _short_forms(st: _State) -> None:
    units, text = st.units, st.doc.text
    parts: dict[str, list[str]] = {}
    for ent in st.ents.values():
        if ent.type != "PER":
            continue
        forms = {text[a:b] for (a, b) in ent.mentions if b - a > 0}
        if ent.name_hi:
            forms.add(ent.name_hi)
        for f in forms:
            words = [w for w in regex.split(r"[\s.]+", f) if w]
            if len(words) < 2 or not is_devanagari(f):
                continue
            for w in (words[0], words[-1]):
                k = name_key(w)
                if w in FUNCTION_WORDS or w.rstrip(".") in TITLES or len(k) < 1:
                    continue
                lst = parts.setdefault(k, [])
                if ent.key not in lst:
                    lst.append(ent.key)
    if not parts:
        return
    for u in units:
        k = name_key(u.text)
        if k not in parts or st.covered(u.start, u.end) or not _is_word(u):
            continue
        cands = parts[k]
        if len(cands) > 1:  # nearest preceding full mention wins
            pos = u.start
            cands = sorted(
                cands, reverse=True, key=lambda key: max((a for (a, _b) in st.ents[key].mentions if a < pos), default=-1)
            )
        ent = st.ents[cands[0]]
        st.add(u.start, u.end, ent, min(ent.conf, 0.85))


# ---- 7. suspicious agents ---------------------------------------------------------------
def _agents(st: _State) -> None:
    units = st.units
    pers = [e for e in st.ents.values() if e.type == "PER"]
    for i in range(len(units) - 1):
        u = units[i]
        if units[i + 1].text != "ने" or u.text not in NON_PERSON_AGENTS:
            continue
        st.flag(u.start, u.end, "a non-person word acts as speaker/agent (garbled name?)")
        sent_ents = {
            e.key
            for e in pers
            for (a, _b) in e.mentions
            if st.doc.sentences
            and units[i].sent < len(st.doc.sentences)
            and st.doc.sentences[u.sent].start <= a < st.doc.sentences[u.sent].end
        }
        others = sorted((e for e in pers if e.key not in sent_ents), key=lambda e: -len(e.mentions))
        if others:
            st.add(u.start, u.end, others[0], CONF_AGENT)


# ---- readable names ---------------------------------------------------------------------
@lru_cache(maxsize=1)
def _name_tokens() -> dict[str, str]:
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


def _readable(surface: str) -> str:
    tok = _name_tokens()
    words = []
    for w in surface.split():
        words.append(tok.get(w) or to_latin(w))
    return " ".join(words)


# ---- entry point ------------------------------------------------------------------------
def find_entities(doc: Document, res: Resources) -> tuple[list[Entity], list[Flag]]:
    """Entities of ``doc`` linked to ``res.kb`` (the packaged KB when ``res.kb`` is None)."""
    kb = res.kb if res is not None and res.kb is not None else default_kb()
    st = _State(doc, kb)
    _gazetteer(st)
    _templates(st)
    _roles(st)
    _parentheses(st)
    ner = getattr(res, "ner", None)
    deferred: list[tuple[int, int, str]] = []
    if ner is not None:
        deferred = _ner(st, ner)
    else:
        _heuristic_people(st)
    if ner is None:
        _name_pairs(st)
    _short_forms(st)
    for s, e, typ in deferred:
        if not st.covered(s, e):
            _new_or_linked(st, s, e, typ, CONF_NER)
    _agents(st)
    out: list[Entity] = []
    for ent in st.ents.values():
        spans = sorted(ent.mentions)
        mentions = tuple(Mention(a, b, doc.text[a:b]) for a, b in spans)
        aliases = tuple(dict.fromkeys(m.text for m in mentions))
        name_hi = ent.name_hi or next((a for a in aliases if is_devanagari(a)), "")
        out.append(
            Entity(
                ent.name,
                name_hi,
                ent.type,
                ent.kb_id,  # type: ignore[arg-type]
                round(ent.conf, 3),
                mentions,
                aliases,
            )
        )
    out.sort(key=lambda e: e.mentions[0].start)
    st.flags.sort(key=lambda f: f.start)
    return out, st.flags
