"""Places and facilities the KB does not hold, found from the nouns around them.

* ``<uncommon words> गांव/थाना/जिले/इलाके/…`` (``अकौनी गांव``, ``सोर्ख रूड जिले``) and
  ``<uncommon words> में रहने``/``निवासी`` make a place named by those words;
* ``<uncommon or known-name words> स्टेडियम/स्टेशन/रोड/कॉलेज/…`` (``गद्दाफी स्टेडियम``,
  ``बांद्रा स्टेशन``) make a facility named by the whole phrase.

A word is "uncommon" when its spelling key is not among the ordinary words of
``common_words.txt`` (so ``ग्रामीण इलाके``, ``सरकारी अस्पताल``, ``रेलवे स्टेशन`` make nothing).
Other occurrences of a found name in the article become mentions too.

Crossdoc round 10 ("one event, many outlets"): ``देश में``/``देशभर में`` in a sentence that gives a
count (``देशभर में अब तक 568 मामले``) is a mention of the home country (India) when the article
names no other country last up to that sentence's end — so a national bulletin of an article
that never writes भारत has a place among its entities (:func:`home_country`). The event stage
uses such a mention only as the place of a count, never as a party (``events.HOME_WORDS``).
"""

from __future__ import annotations

import regex

from vaarta.entities_base import (
    CONF_PLACE_CONTEXT,
    DESIGNATIONS,
    FACILITY_NOUNS,
    FUNCTION_WORDS,
    GENERIC_FACILITY_WORDS,
    HOME_COUNTRY,
    MARK_PLACE,
    MAX_PLACE_WORDS,
    NATIONAL_IN,
    NEVER_LINK_SURFACE,
    NOT_ENTITIES,
    NUMBER_WORDS,
    PERSON_NOUNS,
    PLACE_CUES,
    PLACE_NOUNS,
    Ent,
    State,
    common_words,
    home_meant,
    kb_ent,
    name_tokens,
)
from vaarta.translit import is_devanagari, to_latin

PLURAL_ENDINGS = ("ों", "ओं")  # फ्लैटों, लोगों: oblique plurals are nouns, not names


def _name_like(st: State, i: int) -> bool:
    u = st.units[i]
    return (
        u.word
        and len(u.key) >= 2
        and is_devanagari(u.text)
        and u.key not in common_words()
        and u.text not in FUNCTION_WORDS
        and u.text not in DESIGNATIONS
        and u.text not in PERSON_NOUNS
        and u.text not in NEVER_LINK_SURFACE
        and u.text not in GENERIC_FACILITY_WORDS
        and u.key not in NOT_ENTITIES
        and not u.text.endswith(PLURAL_ENDINGS)
    )


def _run_before(st: State, j: int, allow_known: bool) -> int:
    """First unit of the longest run of name-like words ending just before unit ``j``."""
    units = st.units
    i = j
    while i > 0 and j - i < MAX_PLACE_WORDS:
        u = units[i - 1]
        if u.sent != units[j].sent:
            break
        known = allow_known and u.word and st.covered(u.start, u.end) and is_devanagari(u.text)
        if not (known or (_name_like(st, i - 1) and not st.covered(u.start, u.end))):
            break
        i -= 1
    return i


def _latin(st: State, words: list[str]) -> str:
    """English words for a name: a KB place's own name (लखनऊ → Lucknow), a known name
    word's usual spelling, else a transliteration."""
    tok = name_tokens()
    out = []
    for w in words:
        hits = st.kb.lookup(w) if w not in tok else []
        # a district's name without its kind: मैनपुरी डिपो → Mainpuri Depot, not "Mainpuri district Depot"
        name = hits[0].name.split(",")[0].removesuffix(" district") if len(hits) == 1 else None
        out.append(name or tok.get(w) or to_latin(w))
    return " ".join(out)


_CUES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}  # first word -> the place cues starting with it, in order
for _cue in PLACE_CUES:
    _CUES_BY_FIRST.setdefault(_cue[0], []).append(_cue)


def _cue_at(st: State, j: int) -> bool:
    units = st.units
    cues = _CUES_BY_FIRST.get(units[j].text)
    if cues is None:
        return False
    n_units = len(units)
    return any(all(j + n < n_units and units[j + n].text == w for n, w in enumerate(cue)) for cue in cues)


def context_places(st: State) -> None:
    home_country(st)
    units, text = st.units, st.doc.text
    found: list[tuple[int, int, Ent]] = []
    for j in st.at[MARK_PLACE]:  # facility nouns, place nouns and first words of place cues
        if j == 0:
            continue
        u = units[j]
        fac = FACILITY_NOUNS.get(u.text)
        if fac is not None:
            i = _run_before(st, j, allow_known=True)
            if (i < j and any(not st.covered(units[k].start, units[k].end) for k in range(i, j + 1))) or (
                i < j and fac[1] == "LOC" and not st.covered(u.start, u.end)
            ):
                words = [x.text for x in units[i:j]]
                base = _latin(st, words)
                name = base if base.endswith(fac[0]) else f"{base} {fac[0]}"
                s, e = units[i].start, u.end
                ent = Ent(name, name, text[s:e], fac[1], None)
                found.append((s, e, st.add(s, e, ent, CONF_PLACE_CONTEXT, take=False)))
                st.mask[s:e] = b"\x01" * (e - s)
            continue
        if u.text in PLACE_NOUNS or _cue_at(st, j):
            i = _run_before(st, j, allow_known=False)
            if i == j or (i > 0 and units[i - 1].text == "-"):
                continue  # हिंद-प्रशांत क्षेत्र: the end of a compound, not a name
            words = [x.text for x in units[i:j]]
            s, e = units[i].start, units[j - 1].end
            name = _latin(st, words)
            found.append((s, e, st.add(s, e, Ent(name, name, text[s:e], "LOC", None), CONF_PLACE_CONTEXT)))
    if not found:
        return
    # other occurrences of the same words in the article
    by_first: dict[str, list[tuple[int, int, Ent]]] = {}
    for s, e, ent in found:
        by_first.setdefault(text[s:e].split()[0], []).append((s, e, ent))
    for i, u in enumerate(units):
        for s, e, ent in by_first.get(u.text, ()):
            surface = text[s:e]
            n = len(surface.split())
            if i + n > len(units):
                continue
            a, b = u.start, units[i + n - 1].end
            if a != s and text[a:b] == surface and not st.covered(a, b):
                st.add(a, b, ent, CONF_PLACE_CONTEXT)


HOME_MENTIONS = True
# A count of cases or deaths: a number then, at most two words on, a case or death word
# ("568 मामले", "19 लोगों की मौत", "साढ़े आठ सौ से ज्यादा लोग … चपेट"), or a total with its number
# ("संख्या 500 पार", "आंकड़ा 818"); "52 टेस्टिंग सेंटर और मरीजों …" is none.
_COUNT = regex.compile(
    r"(?<![\p{L}\p{M}])(?:\d[\d,]*|" + NUMBER_WORDS + r"|सौ|हजार|हज़ार|लाख)\s+"
    r"(?:[\p{L}\p{M}]+\s+){0,2}?(?:मामल|केस|संक्रमित|मरीज|पॉजिटिव|पॉजीटिव|(?:की\s+)?(?:मौत|मृत्यु)|चपेट)"
    r"|(?:संख्या|आंकड़ा|आंकड़े)\s+(?:[\p{L}\p{M}]+\s+){0,3}?\d"
)


def home_country(st: State) -> None:
    """``देश``/``देशभर`` of a count sentence as a mention of HOME_COUNTRY, unless the last country
    the article names up to that sentence's end is another one (``ईरान में … देशभर में 978``)."""
    text = st.doc.text
    if not HOME_MENTIONS or "देश" not in text:
        return
    home = st.kb.get(HOME_COUNTRY)
    if home is None:
        return
    countries: list[tuple[int, str]] | None = None
    for sent in st.doc.sentences:
        if "देश" not in sent.text:
            continue
        found = [m for m in NATIONAL_IN.finditer(text, sent.start, sent.end)]
        if not found or not _COUNT.search(sent.text):
            continue
        if countries is None:
            countries = st.countries()
        if not home_meant(countries, sent.end):
            continue
        for m in found:
            s, e = m.span(1)
            if not st.covered(s, e):
                st.add(s, e, kb_ent(home), CONF_PLACE_CONTEXT)
