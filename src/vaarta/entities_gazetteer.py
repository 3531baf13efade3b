"""Knowledge-base gazetteer matching and institution templates (passes 1 and 2 of the linker).

Matching walks the words once: a word starts a candidate only when its spelling key is the
first word of some KB alias (or an inflected form of a one-word alias), so the cost is a dict
lookup per word; the longest alias wins.
"""

from __future__ import annotations

from functools import lru_cache

from vaarta.entities_base import (
    COMMON_WORD_PLACES,
    CONF_KB,
    CONF_KB_AMBIGUOUS,
    CONF_TEMPLATE,
    DEMONYM_NAME_CUES,
    DESIGNATIONS,
    GENITIVES,
    HOME_COUNTRY,
    INSTITUTIONS,
    KIND_RANK,
    MARK_GAZETTEER,
    MARK_TEMPLATE,
    MAX_SPAN,
    MINISTRIES,
    NEVER_LINK,
    NEVER_LINK_SURFACE,
    OBLIQUE,
    SENTENCE_END,
    Ent,
    State,
    Unit,
    kb_ent,
    name_tokens,
)
from vaarta.kb import KBEntity
from vaarta.translit import name_key

_INST = {}
for _p, _v in INSTITUTIONS.items():
    _w = tuple(_p.split())
    _INST.setdefault(_w[0], []).append((_w, _v))
_MIN = {}
for _p, _stem in MINISTRIES.items():
    _w = tuple(_p.split())
    _MIN.setdefault(_w[0], []).append((_w, _p, _stem))


def _surname_not_demonym(st: State, i: int, j: int) -> bool:
    """``विक्रम मिस्री``/``मिस्री ने``: a demonym used as a surname, not as an adjective."""
    units = st.units
    if j - i != 1 or units[i].key not in st.kb.demonym_keys:  # plural forms (रूसियों) are nouns
        return False
    nxt = units[j] if j < len(units) and units[j].sent == units[i].sent else None
    if nxt is None or nxt.text in DEMONYM_NAME_CUES or nxt.text in SENTENCE_END:
        return True  # an adjective is followed by its noun
    prev = units[i - 1] if i > 0 and units[i - 1].sent == units[i].sent else None
    return prev is not None and (prev.text in name_tokens() or prev.text.rstrip(".") in DESIGNATIONS)


@lru_cache(maxsize=1 << 15)
def _oblique_alts(last: str) -> tuple[str, ...]:
    """Keys of ``last`` with an oblique/plural ending undone, in ``OBLIQUE`` order (memoised by word)."""
    return tuple(name_key(last[: -len(end)] + rep) for end, rep in OBLIQUE if last.endswith(end) and len(last) > len(end) + 1)


def gazetteer(st: State) -> None:
    kb, units, text, idx = st.kb, st.units, st.doc.text, st.idx
    prefixes, index, demonyms = idx.prefixes, kb.index, kb.demonym_keys
    hits: list[tuple[int, int, list[KBEntity], str]] = []  # units i..j-1, candidates, span key
    n = len(units)
    nxt_i = 0
    # a word starts a candidate only when its key starts an alias (or is an inflected one-word alias)
    for i in st.at[MARK_GAZETTEER]:
        if i < nxt_i:
            continue
        u = units[i]
        # the furthest unit that can end a match: word-prefixes of aliases, plus an inflected last word;
        # keys[j - i - 1] = span_key(units, i, j) for j = i + 1 .. far
        limit, head, far = min(n, i + MAX_SPAN), "", i + 1
        keys: list[str] = []
        acc = ""
        for j in range(i + 1, limit + 1):
            x = units[j - 1]
            if x.sent != u.sent:
                break
            xk = x.key
            if xk:
                acc = f"{acc} {xk}" if acc else xk
            keys.append(acc)
            if not x.word:
                if x.text in "-.":
                    continue
                break
            nxt = f"{head} {xk}" if head else xk
            if nxt in prefixes:
                head, far = nxt, j
            else:
                if head and len(x.text) > 2:
                    far = j  # maybe "<alias head> <inflected last word>"
                break
        for j in range(far, i, -1):
            last = units[j - 1]
            if not last.word:
                continue
            # KB candidates for units i..j-1 (last word possibly inflected), and whether a demonym
            k = keys[j - i - 1]
            names = index.get(k)
            if names:
                demonym = k in demonyms
            else:
                demonym = False
                alts = _oblique_alts(last.text)
                if not alts:
                    continue
                hk = keys[j - i - 2] if j - i >= 2 else ""
                for alt in alts:
                    alt = f"{hk} {alt}" if hk else alt
                    names = index.get(alt)
                    if names and alt not in COMMON_WORD_PLACES:
                        demonym = alt in demonyms
                        break
                else:
                    continue
            if k in NEVER_LINK or len(k) < 2 or text[u.start : last.end] in NEVER_LINK_SURFACE:
                continue
            if demonym and _surname_not_demonym(st, i, j):
                continue
            hits.append((i, j, [kb.entities[x] for x in names], k))
            nxt_i = j
            break
    # evidence for disambiguation: names, states and countries of unambiguous hits
    present: set[str] = set()
    for _hi, _hj, cands, k in hits:
        if len(cands) == 1 and k not in COMMON_WORD_PLACES:
            e = cands[0]
            present.update(x for x in (e.name, e.region, e.country) if x)
    covered = {x for i, j, _c, _k in hits for x in range(i, j)}  # units inside a place hit
    for i, j, cands, k in hits:
        s, e = units[i].start, units[j - 1].end
        if len(cands) > 1:
            best = min(
                cands,
                key=lambda c: (-(c.region in present) - (c.country in present) - (c.name in present), KIND_RANK.get(c.kind, 5)),
            )
            conf = CONF_KB_AMBIGUOUS
        else:
            best = cands[0]
            conf = CONF_KB
        if k in COMMON_WORD_PLACES and HYPHEN_COMMON_WORD and _hyphen_joined(units, i, covered):
            continue  # झुग्गी-बस्ती, जन-कल्याण: the common word in a compound, not the place
        if k in COMMON_WORD_PLACES and not (
            (best.region and best.region in present - {best.name})
            or any(x.region == best.region and x.name != best.name for x in (kb.get(p) for p in present) if x and best.region)
        ):
            continue
        st.add(s, e, st.ents.get(best.name) or kb_ent(best), conf)


# Flag (crossdoc round 25): a common-word place name (बस्ती, कल्याण, भाषा …) joined by a hyphen to a
# word before it that is no place of its own (झुग्गी-बस्ती "slum", जन-कल्याण "public welfare") is that
# common word. Only the word before: a place leads its own compounds (कल्याण-डोंबिवली).
HYPHEN_COMMON_WORD = True


def _hyphen_joined(units: list[Unit], i: int, covered: set[int]) -> bool:
    """Whether unit ``i`` follows "word-" (no spaces) and that word is in no place hit (``covered``)."""
    if i < 2:
        return False
    hy, w = units[i - 1], units[i - 2]
    return hy.text == "-" and w.word and w.end == hy.start and hy.end == units[i].start and i - 2 not in covered


# ---- institution templates ---------------------------------------------------------------
def place_before(st: State, i: int, genitive: bool = True) -> tuple[Ent, int] | None:
    """The LOC entity whose mention ends right before unit ``i`` (optionally + के/की/का)."""
    units = st.units
    for back in (1, 2) if genitive else (1,):
        k = i - back
        if k < 0:
            return None
        if back == 2 and units[k + 1].text not in GENITIVES:
            return None
        for ent, s in st.by_end.get(units[k].end, ()):
            if ent.type == "LOC":
                return ent, s
    return None


def main_country(st: State) -> str:
    best, n = HOME_COUNTRY, 0
    for ent in st.ents.values():
        if ent.kb is not None and ent.kb.kind == "country":
            if ent.name == HOME_COUNTRY:
                return HOME_COUNTRY
            if len(ent.mentions) > n:
                best, n = ent.name, len(ent.mentions)
    return best


def institution(st: State, word: str, place: str, s: int, e: int) -> Ent:
    """The institution ``INSTITUTIONS[word]`` of ``place`` (``सरकार``, ``Uttar Pradesh, India`` →
    Government of Uttar Pradesh), mentioned at ``s:e``: the knowledge base's entity when it has one."""
    pattern, typ = INSTITUTIONS[word]
    name = pattern.format(place.split(",")[0])
    kbe = st.kb.get(name)
    return kb_ent(kbe) if kbe else Ent(name, name, st.doc.text[s:e], typ, None)


def _matches(st: State, i: int, words: tuple[str, ...]) -> int:
    j = i + len(words)
    units = st.units
    if j > len(units) or any(units[i + k].text != w for k, w in enumerate(words)):
        return 0
    return j


def templates(st: State) -> None:
    units, text = st.units, st.doc.text
    todo_inst, todo_min = [], []
    for i in st.at[MARK_TEMPLATE]:
        u = units[i]
        if u.text in _INST:
            todo_inst.append(i)
        if u.text in _MIN:
            todo_min.append(i)
    for i in todo_inst:
        for words, _template in _INST[units[i].text]:
            j = _matches(st, i, words)
            if not j or st.covered(units[i].start, units[j - 1].end):
                continue
            pl = place_before(st, i, genitive=words == ("सरकार",))
            if pl is None:
                continue
            place, s = pl
            e = units[j - 1].end
            st.add(s, e, institution(st, " ".join(words), place.name, s, e), CONF_TEMPLATE)  # the place mention stays
    main = None
    for i in todo_min:
        for words, phrase, stem in _MIN[units[i].text]:
            j = _matches(st, i, words)
            if not j or st.covered(units[i].start, units[j - 1].end):
                continue
            pl = place_before(st, i)
            if pl is not None:
                country, s = pl[0].name, pl[1]
            else:
                main = main or main_country(st)
                country, s = main, units[i].start
            e = units[j - 1].end
            kbe = st.idx.ministries.get((country, name_key(phrase)))
            if kbe is not None:
                ent = kb_ent(kbe)
            else:
                name = f"{stem} ({country})"
                ent = Ent(name, name, text[s:e], "ORG", None)
            st.add(s, e, ent, CONF_TEMPLATE)
