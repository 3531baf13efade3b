"""The tables both store backends share, and how one record becomes their rows."""

from __future__ import annotations

import json
from typing import Any

import regex

from ..model import Record

MAX_PAGE = 500  # no query returns more rows than this

# Whole words, as both backends index and query them: letters, combining marks, digits.
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def schema(t: str, real: str) -> str:
    """The tables both backends share, given the backend's text and float column types.

    This is each backend's first migration and never changes; later migrations (in
    ``sqlite.py``/``postgres.py``) add to it, e.g. ``signatures.scheme`` (how a copy signature
    was made, ``vaarta.dedup.SIGNATURE_SCHEME``)."""
    return f"""
CREATE TABLE articles (
  id {t} PRIMARY KEY, source {t} NOT NULL, url {t}, title {t}, author {t}, published {t},
  published_from {t}, duplicate_of {t}, text {t} NOT NULL, raw {t} NOT NULL, record {t} NOT NULL,
  ingested_at {real} NOT NULL);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source);
CREATE TABLE entities (article_id {t} NOT NULL, idx INTEGER NOT NULL, name {t} NOT NULL, name_hi {t},
  type {t} NOT NULL, kb_id {t}, confidence {real}, n_mentions INTEGER NOT NULL, PRIMARY KEY (article_id, idx));
CREATE INDEX entities_name ON entities (name);
CREATE TABLE aliases (article_id {t} NOT NULL, alias {t} NOT NULL, name {t} NOT NULL, type {t});
CREATE INDEX aliases_alias ON aliases (alias);
CREATE INDEX aliases_name ON aliases (name);
CREATE INDEX aliases_article ON aliases (article_id);
CREATE TABLE times (article_id {t} NOT NULL, idx INTEGER NOT NULL, span_start INTEGER, span_end INTEGER,
  text {t}, value {t}, granularity {t}, reason {t}, PRIMARY KEY (article_id, idx));
CREATE TABLE events (article_id {t} NOT NULL, idx INTEGER NOT NULL, type {t} NOT NULL, mode {t}, status {t},
  date {t}, location {t}, killed INTEGER, injured INTEGER, confidence {real}, actors {t}, recipients {t},
  evidence {t}, published {t}, PRIMARY KEY (article_id, idx));
CREATE INDEX events_type_date ON events (type, date);
CREATE INDEX events_date ON events (date);
CREATE TABLE event_participants (article_id {t} NOT NULL, idx INTEGER NOT NULL, name {t} NOT NULL, role {t});
CREATE INDEX event_participants_name ON event_participants (name);
CREATE INDEX event_participants_event ON event_participants (article_id, idx);
CREATE TABLE quotes (article_id {t} NOT NULL, idx INTEGER NOT NULL, speaker {t}, span_start INTEGER,
  span_end INTEGER, direct BOOLEAN, via {t}, PRIMARY KEY (article_id, idx));
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE TABLE flags (article_id {t} NOT NULL, idx INTEGER NOT NULL, kind {t}, span_start INTEGER,
  span_end INTEGER, note {t}, PRIMARY KEY (article_id, idx));
CREATE TABLE rejections (source {t} PRIMARY KEY, reason {t} NOT NULL, detail {t}, at {real});
CREATE TABLE signatures (article_id {t} PRIMARY KEY, sig {t} NOT NULL);
CREATE TABLE lsh_bands (band INTEGER NOT NULL, hash {t} NOT NULL, article_id {t} NOT NULL);
CREATE INDEX lsh_bands_hash ON lsh_bands (band, hash);
CREATE INDEX lsh_bands_article ON lsh_bands (article_id);
CREATE TABLE clusters (id {t} PRIMARY KEY, type {t} NOT NULL, participants {t}, date {t}, location {t},
  reason {t}, contradictions {t}, n_articles INTEGER NOT NULL);
CREATE INDEX clusters_type ON clusters (type);
CREATE TABLE cluster_members (cluster_id {t} NOT NULL, article_id {t} NOT NULL, idx INTEGER NOT NULL);
CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id);
CREATE INDEX cluster_members_article ON cluster_members (article_id);
"""


# The tables that hold one article's parts, and their columns (in the order _rows_of fills them).
_CHILD_TABLES: dict[str, tuple[str, ...]] = {
    "entities": ("article_id", "idx", "name", "name_hi", "type", "kb_id", "confidence", "n_mentions"),
    "aliases": ("article_id", "alias", "name", "type"),
    "times": ("article_id", "idx", "span_start", "span_end", "text", "value", "granularity", "reason"),
    "events": (
        "article_id",
        "idx",
        "type",
        "mode",
        "status",
        "date",
        "location",
        "killed",
        "injured",
        "confidence",
        "actors",
        "recipients",
        "evidence",
        "published",
    ),
    "event_participants": ("article_id", "idx", "name", "role"),
    "quotes": ("article_id", "idx", "speaker", "span_start", "span_end", "direct", "via"),
    "flags": ("article_id", "idx", "kind", "span_start", "span_end", "note"),
}


def _rows_of(record: Record) -> dict[str, list[tuple[Any, ...]]]:
    """The rows one record puts in each child table."""
    d = record.document
    a = d.id
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _CHILD_TABLES}
    for i, e in enumerate(record.entities):
        rows["entities"].append((a, i, e.name, e.name_hi, e.type, e.kb_id, e.confidence, len(e.mentions)))
        for form in sorted({m.text for m in e.mentions} | {e.name, e.name_hi}):
            if form:
                rows["aliases"].append((a, form, e.name, e.type))
    rows["times"] = [(a, i, t.start, t.end, t.text, t.value, t.granularity, t.reason) for i, t in enumerate(record.times)]
    for i, ev in enumerate(record.events):
        rows["events"].append(
            (
                a,
                i,
                ev.type,
                ev.mode,
                ev.status,
                ev.date,
                ev.location,
                ev.killed,
                ev.injured,
                ev.confidence,
                _names_json(ev.actors),
                _names_json(ev.recipients),
                "[" + ", ".join([f"[{s.start:d}, {s.end:d}]" for s in ev.evidence]) + "]",
                d.published,
            )
        )
        for role, names in (("actor", ev.actors), ("recipient", ev.recipients)):
            rows["event_participants"].extend((a, i, n, role) for n in dict.fromkeys(names))
    rows["quotes"] = [(a, i, q.speaker, q.start, q.end, bool(q.direct), q.via) for i, q in enumerate(record.quotes)]
    rows["flags"] = [(a, i, f.kind, f.start, f.end, f.note) for i, f in enumerate(record.flags)]
    return rows


# json.dumps(list(names), ensure_ascii=False) and json.dumps(spans), written out: the same
# text (the encoder's own string escaping, its ", " separator) without an encoder per call.
_ENCODE_STR = json.encoder.encode_basestring


def _names_json(names: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(map(_ENCODE_STR, names)) + "]"


# json.dumps(…, ensure_ascii=False) without its check for containers holding themselves (a
# record is a tree of fresh dicts and lists): the same text, ~15 % faster.
_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _pack(rec: dict[str, Any]) -> str:
    """The record as stored: its text lives once, in the ``text`` column."""
    return _RECORD_ENCODER.encode({k: v for k, v in rec.items() if k != "text"})


def _unpack(row: dict[str, Any]) -> dict[str, Any]:
    rec: dict[str, Any] = {}
    for k, v in json.loads(row["record"]).items():
        rec[k] = v
        if k == "author":
            rec["text"] = row["text"]  # back in its place, in the spec's field order
    rec.setdefault("text", row["text"])
    return rec


def _decoded(rows: list[dict[str, Any]], *columns: str) -> list[dict[str, Any]]:
    """The rows with their JSON-encoded ``columns`` decoded (in place)."""
    for r in rows:
        for c in columns:
            r[c] = json.loads(r[c])
    return rows
