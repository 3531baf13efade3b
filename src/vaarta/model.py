"""Frozen dataclasses shared by every stage: the one place where stages meet.

Stages never import each other; each is a pure function of one :class:`Document`
(plus read-only resources such as the knowledge base) returning values defined here.
Offsets are Python string indices (code points) into ``Document.text`` unless a field
says ``raw_``, in which case they index the raw input (``Document.raw``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
Status = Literal["occurred", "planned", "possible", "negated"]
Granularity = Literal["day", "week", "month", "year"]
PublishedFrom = Literal["input-field", "html-meta", "url", "cli", "text"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the cleaned text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A block that cleaning cut, located in the raw input."""

    kind: str  # image | link | related-links | trending | share | author | boilerplate | html-chrome
    raw_start: int
    raw_end: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One input article before analysis (what ingest hands to the pipeline)."""

    id: str
    source: str
    raw: str  # the decoded raw input (text, markdown or HTML)
    is_html: bool = False
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date when the input or the user gave one
    published_from: str | None = None  # input-field | cli


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: the text every later stage reads, with a map back to the raw input.

    ``offsets`` is a tuple of runs ``(clean_start, raw_start, length)``: within a run,
    clean offset ``clean_start + i`` comes from raw offset ``raw_start + i``.
    """

    id: str
    source: str
    raw: str
    text: str
    offsets: tuple[tuple[int, int, int], ...]
    removed: tuple[Removed, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: str | None = None
    author: str | None = None
    language: str = "hi"

    def to_raw(self, offset: int) -> int:
        """Map an offset of ``text`` to the raw input (``-1`` if it was inserted)."""
        import bisect

        starts = [r[0] for r in self.offsets]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return -1
        cs, rs, n = self.offsets[i]
        if offset - cs < n:
            return rs + offset - cs
        if offset - cs == n:  # end offsets map to just after the run
            return rs + n
        return -1


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    name: str  # canonical name (English, Wikipedia-style) or a readable transliteration
    name_hi: str
    type: EntityType
    kb_id: str | None
    confidence: float
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()  # surface forms seen in this article


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY | YYYY-Www | None
    granularity: Granularity | None
    reason: str | None = None  # why value is None
    end_value: str | None = None  # for ranges (30 अप्रैल से 16 मई)


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    status: Status
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    evidence: tuple[Span, ...]
    mode: str | None = None
    location: str | None = None
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    confidence: float = 0.5
    trigger: str | None = None  # the trigger's surface text, for display


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    start: int
    end: int
    direct: bool
    via: str | None = None  # "reported via" (सरकारी मीडिया ने बताया)


@dataclass(frozen=True, slots=True)
class Flag:
    kind: str  # suspect-name | garbled | contradiction | ...
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class Record:
    """The full analysis of one article: spec/record.md's output object."""

    document: Document
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    flags: tuple[Flag, ...] = ()
    duplicate_of: str | None = None

    def to_json(self) -> dict[str, Any]:
        d = self.document
        return {
            "id": d.id,
            "duplicate_of": self.duplicate_of,
            "source": d.source,
            "url": d.url,
            "published": d.published,
            "published_from": d.published_from,
            "title": d.title,
            "author": d.author,
            "text": d.text,
            "removed": [{"kind": r.kind, "raw_start": r.raw_start, "raw_end": r.raw_end, "text": r.text} for r in d.removed],
            "entities": [
                {
                    "name": e.name,
                    "name_hi": e.name_hi,
                    "type": e.type,
                    "kb_id": e.kb_id,
                    "confidence": round(e.confidence, 3),
                    "aliases": list(e.aliases),
                    "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
                }
                for e in self.entities
            ],
            "times": [
                {
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "value": t.value,
                    "granularity": t.granularity,
                    "reason": t.reason,
                    "end_value": t.end_value,
                }
                for t in self.times
            ],
            "events": [
                {
                    "type": ev.type,
                    "mode": ev.mode,
                    "status": ev.status,
                    "actors": list(ev.actors),
                    "recipients": list(ev.recipients),
                    "location": ev.location,
                    "date": ev.date,
                    "killed": ev.killed,
                    "injured": ev.injured,
                    "evidence": [{"start": s.start, "end": s.end} for s in ev.evidence],
                    "confidence": round(ev.confidence, 3),
                    "trigger": ev.trigger,
                }
                for ev in self.events
            ],
            "quotes": [
                {"speaker": q.speaker, "start": q.start, "end": q.end, "direct": q.direct, "via": q.via} for q in self.quotes
            ],
            "flags": [{"kind": f.kind, "start": f.start, "end": f.end, "note": f.note} for f in self.flags],
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be analysed: an expected outcome, not an exception."""

    source: str
    reason: str  # short machine-readable kind: empty | binary | encoding | not-hindi | json | too-large | ...
    detail: str = ""

    def line(self) -> str:
        return f"{self.source}: {self.reason}" + (f": {self.detail}" if self.detail else "")


@dataclass(frozen=True, slots=True)
class Resources:
    """Read-only resources the stages may use; picklable, loaded once per process."""

    kb: Any = None  # vaarta.kb.KnowledgeBase
    ner: Any = None  # vaarta.ner.Tagger
    extra: dict[str, Any] = field(default_factory=dict)
