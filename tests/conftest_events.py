"""Helpers for the events and quotes tests: entities and times built by hand ("oracle" inputs)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import regex

from vaarta.model import Entity, Mention, TimeExpr


def shared_dir() -> Path:
    env = os.environ.get("VAARTA_SHARED")
    return Path(env) if env else Path(__file__).parents[1].parent / "shared"


def ent(text: str, name: str, type_: str, *aliases: str) -> Entity:
    """An entity with a mention at every whole-word occurrence of its aliases (longest first)."""
    spans: list[tuple[int, int]] = []
    for a in sorted(aliases, key=len, reverse=True):
        pat = regex.compile(r"(?<![\p{L}\p{M}])" + regex.escape(a) + r"(?![\p{L}\p{M}])")
        for m in pat.finditer(text):
            if all(m.end() <= s or m.start() >= e for s, e in spans):
                spans.append((m.start(), m.end()))
    ms = tuple(Mention(s, e, text[s:e]) for s, e in sorted(spans))
    return Entity(name, aliases[0], type_, None, 1.0, ms, tuple(aliases))  # type: ignore[arg-type]


def time(text: str, surface: str, value: str | None) -> TimeExpr:
    i = text.index(surface)
    return TimeExpr(i, i + len(surface), surface, value, "day" if value and len(value) == 10 else None)


def bench_module():  # type: ignore[no-untyped-def]
    """bench/bench_events.py as a module (oracle inputs and spec/gold.md scoring)."""
    path = Path(__file__).parents[1] / "bench" / "bench_events.py"
    spec = importlib.util.spec_from_file_location("bench_events", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_events(text: str, ents, times=(), published=None):  # type: ignore[no-untyped-def]
    """``find_events`` on a sentence of ours, with hand-built entities (callables of the text)
    and times, and no knowledge base or tagger."""
    from vaarta.events import find_events
    from vaarta.model import Resources
    from vaarta.segment import make_document

    doc = make_document(text, published=published)
    return find_events(doc, [e(text) for e in ents], list(times), Resources())


def of_type(events, type_):  # type: ignore[no-untyped-def]
    """The events of one type."""
    return [e for e in events if e.type == type_]
