"""Entities: who and where, linked to one canonical name across spellings and scripts.

``find_entities(doc, res)`` combines, in this order:

1. knowledge-base gazetteer matching over the words (longest match first, spelling-normalised,
   oblique/plural endings tolerated, demonyms such as ``रूसी`` → Russia, but not a demonym
   used as a surname: ``विक्रम मिस्री``) — :mod:`vaarta.entities_gazetteer`;
2. institution templates: ``<place> सरकार`` → Government of X, ``<place> पुलिस`` → X Police,
   ``[country] विदेश मंत्रालय`` → that country's ministry (India's when India is named) —
   :mod:`vaarta.entities_gazetteer`; ``<chief minister's name> [की] सरकार`` (``योगी सरकार``) →
   the government of the state that person headed on the publication date —
   :func:`vaarta.entities_roles.leader_governments`;
3. role phrases (``रूसी राष्ट्रपति``, ``चीन के राष्ट्रपति``) resolved with ``kb.holder`` on the
   publication date; a name after the role that does not match the holder (garbled MT such as
   ``व्लादिमीर अलेक्जेंडर``) is linked to the holder with low confidence and flagged —
   :mod:`vaarta.entities_roles`;
4. Latin names in parentheses after a Hindi name (``शी जिनपिंग (Xi Jinping)``);
5. the NER tagger's spans (``res.ner``, optional; role titles such as ``जिलाधिकारी`` stripped),
   linked by KB lookup, by fuzzy match to an entity already in the article, or kept as new
   entities with a Latin transliteration; before it, ``<title/job> <unknown words> ने/का कहना``
   makes a person (``संवाददाता जोनाथन हेड का कहना``); without a tagger, surname heuristics;
6. short forms later in the article (``पुतिन``, ``शी``) → the full-name entity seen earlier;
7. non-person words acting as speakers (``ड्रैगन ने …``) → ``suspect-name`` flag
   (4-7: :mod:`vaarta.entities_names`).

Word lists live in ``vaarta/data/kb/linker_words.txt``; numbers in :mod:`vaarta.entities_base`.
Every mention satisfies ``doc.text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

from vaarta.entities_base import CONF_NER, State
from vaarta.entities_gazetteer import gazetteer, templates
from vaarta.entities_names import (
    agents,
    heuristic_people,
    name_pairs,
    ner,
    new_or_linked,
    parentheses,
    short_forms,
    titled_people,
)
from vaarta.entities_places import context_places
from vaarta.entities_roles import leader_governments, roles
from vaarta.kb import default_kb
from vaarta.model import Document, Entity, Flag, Mention, Resources
from vaarta.translit import is_devanagari

__all__ = ["find_entities"]


def find_entities(doc: Document, res: Resources) -> tuple[list[Entity], list[Flag]]:
    """Entities of ``doc`` linked to ``res.kb`` (the packaged KB when ``res.kb`` is None)."""
    kb = res.kb if res is not None and res.kb is not None else default_kb()
    st = State(doc, kb)
    gazetteer(st)
    templates(st)
    leader_governments(st)
    roles(st)
    parentheses(st)
    titled_people(st)
    context_places(st)
    tagger = getattr(res, "ner", None)
    deferred: list[tuple[int, int, str]] = []
    if tagger is not None:
        deferred = ner(st, tagger)
    else:
        heuristic_people(st)
        name_pairs(st)
    short_forms(st)
    for s, e, typ in deferred:
        if not st.covered(s, e):
            new_or_linked(st, s, e, typ, CONF_NER)
    agents(st)
    out: list[Entity] = []
    for ent in st.ents.values():
        spans = sorted(ent.mentions)
        mentions = tuple(Mention(a, b, doc.text[a:b]) for a, b in spans)
        aliases = tuple(dict.fromkeys(m.text for m in mentions))
        name_hi = ent.name_hi or next((a for a in aliases if is_devanagari(a)), "")
        out.append(Entity(ent.name, name_hi, ent.type, ent.kb_id, round(ent.conf, 3), mentions, aliases))  # type: ignore[arg-type]
    out.sort(key=lambda e: e.mentions[0].start)
    st.flags.sort(key=lambda f: f.start)
    return out, st.flags
