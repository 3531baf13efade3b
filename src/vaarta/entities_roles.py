"""Role phrases and office holders (pass 3), and the role-title stripping used on name spans.

``रूसी राष्ट्रपति``/``चीन के राष्ट्रपति`` are resolved with ``kb.holder`` on the publication
date. A name after the role that does not match the holder (garbled MT such as ``व्लादिमीर
अलेक्जेंडर``) is linked to the holder with low confidence and flagged. Only words whose
spelling key starts some role phrase are tried, so the pass costs a dict lookup per word.
"""

from __future__ import annotations

from vaarta.entities_base import (
    CONF_FUZZY,
    CONF_ROLE_FIRSTNAME,
    CONF_ROLE_ONLY,
    CONF_TEMPLATE,
    DESIGNATIONS,
    FUNCTION_WORDS,
    FUZZY_MIN,
    HOME_COUNTRY,
    MARK_ROLE,
    MARK_TEMPLATE,
    MAX_ROLE_WORDS,
    SURNAMES,
    TITLES,
    State,
    home_meant,
    kb_ent,
    name_tokens,
    span_key,
)
from vaarta.entities_gazetteer import institution, place_before
from vaarta.kb import KBEntity, KnowledgeBase, norm_date
from vaarta.translit import is_devanagari, name_key, similarity


def is_role_word(kb: KnowledgeBase, text: str) -> bool:
    """A title, designation or one-word KB role phrase (``जिलाधिकारी``, ``उपराज्यपाल``)."""
    w = text.rstrip(".")
    return w in DESIGNATIONS or name_key(w) in kb.roles


def strip_roles(kb: KnowledgeBase, words: list[str], a: int, b: int) -> int:
    """First index in ``words[a:b]`` after leading role titles (``एसएसपी विनोद राठौर`` → at विनोद)."""
    while a < b and is_role_word(kb, words[a]):
        a += 1
    return a


def role_at(st: State, i: int) -> tuple[str, int] | None:
    """Role id of the phrase starting at unit ``i`` and the unit after it (negative: plural)."""
    units, idx, roles = st.units, st.idx, st.kb.roles
    k = units[i].key
    most = idx.role_first.get(k, 0)
    if most:
        for n in range(min(most, MAX_ROLE_WORDS), 0, -1):
            j = i + n
            if j > len(units):
                continue
            r = roles.get(span_key(units, i, j)) if n > 1 else roles.get(k)
            if r is not None:
                return r, j
    r = idx.role_plural.get(k)
    if r is not None:
        return r, -(i + 1)  # plural: no name follows
    return None


def _name_after(st: State, j: int) -> tuple[int, int] | None:
    units = st.units
    k = j
    while k < len(units) and k < j + 3 and units[k].word and units[k].sent == units[j - 1].sent:
        if units[k].text in FUNCTION_WORDS:
            break
        if k > j and units[k].key in st.kb.roles:
            k += 1  # garbled repeats such as "व्लादिमीर राष्ट्रपति" keep the role word
            break
        k += 1
    return (j, k) if k > j else None


def _holder_match(cands: list[KBEntity], name: str, first: str) -> tuple[KBEntity, float, str] | None:
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


# Crossdoc round 10: a bare home-country office (प्रधानमंत्री ने …, पीएम के संबोधन में) with a
# publication date is its holder on that day, when the article names no foreign country before
# it; only before a postposition or punctuation (प्रधानमंत्री राहत कोष, पीएम केयर्स are names).
HOME_ROLES = frozenset({"prime-minister"})
_ROLE_FOLLOWERS = frozenset({"ने", "के", "की", "का", "को", "से", "भी", "और", "ही", "तो", "पर", "द्वारा", ",", "।", ".", "'", '"'})


def _home_office(st: State, i: int, j: int, role: str) -> bool:
    """Whether the bare role at units ``i..j`` is the home country's office (HOME_ROLES)."""
    if role not in HOME_ROLES or not st.doc.published or j <= i or j >= len(st.units):
        return False
    if st.units[j].text not in _ROLE_FOLLOWERS:
        return False
    return home_meant(st.countries(), st.units[i].start)


def roles(st: State) -> None:
    units, kb, date = st.units, st.kb, st.doc.published
    for i in st.at[MARK_ROLE]:
        ra = role_at(st, i)
        if ra is None:
            continue
        role, j = ra
        pl = place_before(st, i)
        if pl is None:
            if _home_office(st, i, j, role):
                h = kb.holder(role, HOME_COUNTRY, date)
                s, e = units[i].start, units[j - 1].end
                if h is not None and not st.covered(s, e):
                    st.add(s, e, kb_ent(h), CONF_ROLE_ONLY, take=False)
            continue
        place = pl[0]
        jur = place.kb.name if place.kb else place.name
        if not kb.terms(role, jur):
            continue
        if date:
            h = kb.holder(role, jur, date)
            cands = [h] if h else []
        else:
            cands = kb.holders(role, jur)
            cands = [c for c in cands if c.name in st.ents] or cands
        if j < 0 or not cands:
            continue
        span = _name_after(st, j)
        if span is not None:
            a, b = span
            s, e = units[a].start, units[b - 1].end
            if s in st.starts:
                continue  # a KB name follows the role: already linked
            m = _holder_match(cands, st.doc.text[s:e], units[a].text)
            if m is None and len(cands) == 1 and date:
                m = (cands[0], CONF_ROLE_ONLY, f"name after role does not match holder {cands[0].name}")
            if m is not None:
                c, conf, note = m
                st.add(s, e, kb_ent(c), conf)
                st.flag(s, e, note)
                continue
        # role only: attach to the holder when the article names that person elsewhere
        if len(cands) == 1 and cands[0].name in st.ents:
            s, e = units[i].start, units[j - 1].end
            if not st.covered(s, e):
                st.add(s, e, st.ents[cands[0].name], CONF_ROLE_ONLY, take=False)


# ---- governments named by their head: योगी सरकार, नीतीश कुमार की सरकार -----------------------
# ``<name of a chief minister or prime minister> [की] सरकार`` is the government of the
# jurisdiction that person headed on the publication date (with no date: at any time, when the
# name fits one person only; a person who headed two, the latest). The name is a full Hindi
# name of the holder, or one word of it that is not a common surname, title or function word
# (योगी, नीतीश, उद्धव, ठाकरे); a one-word KB alias counts as it is (मोदी). A name that is nobody's head of government (राहुल सरकार) links nothing.
# Every head-of-government office is looked at (an undated मोदी सरकार is Modi's latest office, India's),
# but only LINKED_ROLES link: prime ministers (मोदी सरकार → Government of India) were tried and cost
# dev entities P 0.955 → 0.952, as the gold reads मोदी सरकार as a mention of Modi alone.
HEAD_OF_GOVERNMENT_ROLES = ("chief-minister", "prime-minister")
LINKED_ROLES: frozenset[str] = frozenset({"chief-minister"})
_GOV = "सरकार"
_GOV_GENITIVE = "की"
_MAX_LEADER_WORDS = 4
# name key -> terms of office held by a person with that name: (holder, jurisdiction, start, end, role)
Term = tuple[str, str, str, str | None, str]
LeaderIndex = dict[str, tuple[Term, ...]]


def _build_leaders(kb: KnowledgeBase) -> LeaderIndex:
    skip = {name_key(w) for w in (*SURNAMES, *FUNCTION_WORDS, *TITLES, *DESIGNATIONS)}
    out: dict[str, list[Term]] = {}
    for (role, jur), terms in kb.offices.items():
        if role not in HEAD_OF_GOVERNMENT_ROLES:
            continue
        for t in terms:
            person = kb.entities[t.holder]
            keys: set[str] = set()
            for form in (person.name_hi, *person.aliases):
                if not form or not is_devanagari(form):
                    continue
                k = name_key(form)
                if not k or len(k.split(" ")) > _MAX_LEADER_WORDS:
                    continue  # a whole name or alias counts even when it is a surname (मोदी)
                keys.add(k)
                keys.update(w for w in k.split(" ") if len(w) > 2 and w not in skip)
            for k in keys:
                out.setdefault(k, []).append((t.holder, jur, t.start, t.end, role))
    return {k: tuple(v) for k, v in out.items()}


def _leader_jurisdiction(terms: tuple[Term, ...], date: str | None) -> tuple[str, str] | None:
    """(holder, jurisdiction) that ``terms`` (of one name) point to on ``date``; None when no
    one or more than one person, or when that office does not link (LINKED_ROLES)."""
    if date:
        d = norm_date(date)
        hits = {(h, j, r) for h, j, s, e, r in terms if s <= d and (e is None or d < e)}
        if len(hits) != 1:
            return None
        h, j, r = hits.pop()
    else:
        if len({t[0] for t in terms}) != 1:
            return None
        h, j, _s, _e, r = max(terms, key=lambda t: t[2])
    return (h, j) if r in LINKED_ROLES else None


def leader_governments(st: State) -> None:
    """``योगी सरकार`` → Government of Uttar Pradesh (on a date in Yogi Adityanath's term); the
    government's mention spans name and सरकार, the leader keeps (or gets) a mention of the name."""
    units, kb = st.units, st.kb
    index: LeaderIndex = kb.derived("entities.leaders", _build_leaders)  # type: ignore[assignment]
    for i in st.at[MARK_TEMPLATE]:
        if units[i].text != _GOV or st.covered(units[i].start, units[i].end):
            continue
        b = i - 1 if i > 0 and units[i - 1].text == _GOV_GENITIVE else i  # the name ends at unit b - 1
        found = None
        for n in range(min(_MAX_LEADER_WORDS, b), 0, -1):
            a = b - n
            if units[a].sent != units[i].sent or not all(u.word for u in units[a:b]):
                continue
            terms = index.get(span_key(units, a, b))
            if terms:
                found = (a, terms)
                break
        if found is None:
            continue
        a, terms = found
        hj = _leader_jurisdiction(terms, st.doc.published)
        if hj is None:
            continue
        holder, jur = hj
        s, ne, e = units[a].start, units[b - 1].end, units[i].end
        # part of another person's name (ललित मोदी सरकार): not the leader
        if any(ent.type == "PER" and ent.name != holder and s0 < s for ent, s0 in st.by_end.get(ne, ())):
            continue
        if b - a == 1 and a > 0 and units[a - 1].sent == units[i].sent and units[a - 1].text in name_tokens():
            continue
        gov = institution(st, _GOV, jur, s, e)
        if not st.covered(s, ne):
            st.add(s, ne, st.ents.get(holder) or kb_ent(kb.entities[holder]), CONF_TEMPLATE, take=False)
        st.add(s, e, gov, CONF_TEMPLATE)
