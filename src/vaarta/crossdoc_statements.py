"""Statements told by many articles: one speaker quoted by several outlets on one day.

A ministry's briefing, a chief minister's address or an expert's interview is reported by
many outlets, yet its words are quotes (spec/ontology.md: "what someone said is a quote, not
an event"), so no typed event links the reports. Across articles such a happening is merged
as a cluster of type :data:`STATEMENT`: every article that quotes the same speaker
(canonical name) and was published the same day.

Each article gives at most one statement report per speaker: an :class:`EventReport` whose
event has type ``STATEMENT``, the speaker as its only actor, the article's publication day
as its date and the spans of that speaker's quotes as its evidence; its ``index`` is the
position of the speaker's first quote in the article's ``quotes`` (so a cluster member
``(article_id, idx)`` of a ``STATEMENT`` cluster names a quote, not an event).

Speakers that are places (``चीन ने कहा``: a country's voice, many different statements a
day) give no statement report; nor do quotes with no speaker or articles with no
publication date. Two reports must also share a content word between their quoted passages
(:data:`SHARED_WORDS`): a prime minister's radio address and his video conference with chief
ministers, reported the same day, are two statements. Measured on the covid cluster gold
(docs/crossdoc.md, round 17): 27 tuning days 0.692 → 0.716 with statements, 31 days 0.713 →
0.716 with the shared word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from .crossdoc_types import EventReport, fold
from .model import Event, Span

STATEMENT = "STATEMENT"  # the cluster type (an extension of the event types of spec/ontology.md)
# Speakers whose entity type is one of these give no statement report (a country or a state
# "says" many different things a day: चीन ने कहा, राज्य सरकार ने बताया is an ORG)
NOT_SPEAKERS = frozenset({"LOC"})
# Flag: statements are merged across articles (off: only typed events are)
STATEMENTS = True
# Flag: two articles quote one statement only if their quoted passages share a content word (the
# prime minister's radio address and his video conference with chief ministers, both published on
# 27 Apr, share none). Measured on the 31 tuning days: 0.713 -> 0.716, tune8 0.457 -> 0.500.
SHARED_WORDS = True


def statement_reports(
    article_id: str,
    published: str | None,
    source: str,
    quotes: Iterable[tuple[int, str | None, int, int]],
    speaker_types: Mapping[str, str],
    text: str | None = None,
) -> list[EventReport]:
    """One statement report per speaker of an article's quotes.

    ``quotes``: ``(index, speaker, start, end)`` in the article's quote order;
    ``speaker_types``: entity name → type (PER, ORG, LOC, MISC) of the article's entities;
    ``text``: the article's cleaned text, to give each report the words quoted (optional).
    """
    if not STATEMENTS or not published:
        return []
    by_speaker: dict[str, list[tuple[int, int, int]]] = {}
    for idx, speaker, start, end in quotes:
        if not speaker or not speaker.strip() or speaker_types.get(speaker) in NOT_SPEAKERS:
            continue
        by_speaker.setdefault(speaker, []).append((idx, start, end))
    out = []
    for speaker, said in by_speaker.items():
        spans = tuple(Span(s, e) for _, s, e in said)
        ev = Event(
            type=STATEMENT,
            status="occurred",
            actors=(speaker,),
            recipients=(),
            evidence=spans,
            date=published[:10],
            confidence=1.0,
        )
        words = " | ".join(text[s.start : s.end] for s in spans) if text is not None else None
        out.append(EventReport(article_id, min(i for i, _, _ in said), published, source, ev, words))
    return sorted(out, key=lambda r: r.index)


def statements_from_record(article_id: str, published: str | None, source: str, record: Any) -> list[EventReport]:
    """:func:`statement_reports` of a :class:`~vaarta.model.Record`."""
    quotes = [(i, q.speaker, q.start, q.end) for i, q in enumerate(record.quotes)]
    types: dict[str, str] = {}
    for e in record.entities:  # one name with two types: the first in order (LOC first), as the store reads it
        types[e.name] = min(types.get(e.name, e.type), e.type)
    return statement_reports(article_id, published, source, quotes, types, record.document.text)


def statement_match(
    a: EventReport, b: EventReport, words_a: AbstractSet[str] = frozenset(), words_b: AbstractSet[str] = frozenset()
) -> tuple[bool, str]:
    """Whether two statement reports tell one statement: the same speaker, the same publication day,
    and (SHARED_WORDS) a content word in common between their quoted passages (``words_a``,
    ``words_b``: :func:`vaarta.crossdoc_match.content_words` of each; not checked when unknown)."""
    if a.event.date is None or a.event.date != b.event.date:
        return False, "statements published on different days"
    if {fold(n) for n in a.event.actors} != {fold(n) for n in b.event.actors}:
        return False, "different speakers"
    if SHARED_WORDS and words_a and words_b and not words_a & words_b:
        return False, "no quoted word in common"
    return True, "same speaker, same publication day"
