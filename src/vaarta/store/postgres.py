"""PostgreSQL backend (psycopg 3): the same interface and results as SQLite, for larger set-ups.

>>> store = PostgresStore("postgresql://vaarta:secret@127.0.0.1/vaarta")

- Named migrations, applied under an advisory lock (several processes may start at once).
- Full-text search keeps Hindi words whole whatever the server's locale: the words are cut in
  Python with the same rule as the SQLite index (letters, combining marks, digits), lower-cased,
  and stored as a ``text[]`` with a GIN index; a query matches articles holding all its words.
  (The ``simple`` text-search config also keeps Devanagari words whole, but only under a UTF-8
  ctype; a word array does not depend on the server's locale.)
- Names: ``pg_trgm`` GIN index on aliases when the extension is available (substring ILIKE
  uses it); without it, the same ILIKE runs as a scan.
- Text columns are ``COLLATE "C"`` (code-point order, as SQLite), ``LIKE`` is case-insensitive
  (``ILIKE``) and descending sorts put NULLs last, as SQLite does, so both backends return the
  same rows in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import regex

from ..errors import MigrationError, StoreError
from .base import MAX_PAGE, Store

T = 'TEXT COLLATE "C"'

SCHEMA = f"""
CREATE TABLE articles (
  id {T} PRIMARY KEY, source {T} NOT NULL, url {T}, title {T}, author {T}, published {T},
  published_from {T}, duplicate_of {T}, text {T} NOT NULL, raw {T} NOT NULL, record {T} NOT NULL,
  ingested_at DOUBLE PRECISION NOT NULL);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source);
CREATE TABLE entities (article_id {T} NOT NULL, idx INTEGER NOT NULL, name {T} NOT NULL, name_hi {T},
  type {T} NOT NULL, kb_id {T}, confidence DOUBLE PRECISION, n_mentions INTEGER NOT NULL, PRIMARY KEY (article_id, idx));
CREATE INDEX entities_name ON entities (name);
CREATE TABLE aliases (article_id {T} NOT NULL, alias {T} NOT NULL, name {T} NOT NULL, type {T});
CREATE INDEX aliases_alias ON aliases (alias);
CREATE INDEX aliases_name ON aliases (name);
CREATE INDEX aliases_article ON aliases (article_id);
CREATE TABLE times (article_id {T} NOT NULL, idx INTEGER NOT NULL, span_start INTEGER, span_end INTEGER,
  text {T}, value {T}, granularity {T}, reason {T}, PRIMARY KEY (article_id, idx));
CREATE TABLE events (article_id {T} NOT NULL, idx INTEGER NOT NULL, type {T} NOT NULL, mode {T}, status {T},
  date {T}, location {T}, killed INTEGER, injured INTEGER, confidence DOUBLE PRECISION, actors {T}, recipients {T},
  evidence {T}, published {T}, PRIMARY KEY (article_id, idx));
CREATE INDEX events_type_date ON events (type, date);
CREATE INDEX events_date ON events (date);
CREATE TABLE event_participants (article_id {T} NOT NULL, idx INTEGER NOT NULL, name {T} NOT NULL, role {T});
CREATE INDEX event_participants_name ON event_participants (name);
CREATE INDEX event_participants_event ON event_participants (article_id, idx);
CREATE TABLE quotes (article_id {T} NOT NULL, idx INTEGER NOT NULL, speaker {T}, span_start INTEGER,
  span_end INTEGER, direct BOOLEAN, via {T}, PRIMARY KEY (article_id, idx));
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE TABLE flags (article_id {T} NOT NULL, idx INTEGER NOT NULL, kind {T}, span_start INTEGER,
  span_end INTEGER, note {T}, PRIMARY KEY (article_id, idx));
CREATE TABLE rejections (source {T} PRIMARY KEY, reason {T} NOT NULL, detail {T}, at DOUBLE PRECISION);
CREATE TABLE signatures (article_id {T} PRIMARY KEY, sig {T} NOT NULL);
CREATE TABLE lsh_bands (band INTEGER NOT NULL, hash {T} NOT NULL, article_id {T} NOT NULL);
CREATE INDEX lsh_bands_hash ON lsh_bands (band, hash);
CREATE INDEX lsh_bands_article ON lsh_bands (article_id);
CREATE TABLE clusters (id {T} PRIMARY KEY, type {T} NOT NULL, participants {T}, date {T}, location {T},
  reason {T}, contradictions {T}, n_articles INTEGER NOT NULL);
CREATE INDEX clusters_type ON clusters (type);
CREATE TABLE cluster_members (cluster_id {T} NOT NULL, article_id {T} NOT NULL, idx INTEGER NOT NULL);
CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id);
CREATE INDEX cluster_members_article ON cluster_members (article_id);
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", SCHEMA),
    (
        "0002_fulltext",
        f"""
CREATE TABLE articles_words (article_id {T} PRIMARY KEY, words TEXT[] NOT NULL);
CREATE INDEX articles_words_gin ON articles_words USING GIN (words);
""",
    ),
    # event queries filter on type and on COALESCE(date, published) (the date shown); participants
    # are looked up by name then joined back by (article_id, idx)
    (
        "0003_query_indexes",
        """
CREATE INDEX events_type_when ON events (type, (COALESCE(date, published)));
CREATE INDEX events_when ON events ((COALESCE(date, published)));
CREATE INDEX event_participants_name_event ON event_participants (name, article_id, idx);
CREATE INDEX entities_article ON entities (article_id);
""",
    ),
]
# Trigram index on aliases, only where pg_trgm can be created (it is optional).
TRGM = ("0004_alias_trigram", "CREATE INDEX aliases_alias_trgm ON aliases USING GIN (alias gin_trgm_ops)")

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_DESC = re.compile(r"\bDESC\b")
_LIKE = re.compile(r"\bLIKE\b")
MAX_QUERY_WORDS = 16


def words_of(text: str) -> list[str]:
    """The whole words of a text as the search index keeps them (lower-cased, unique)."""
    return sorted({w.casefold() for w in _WORD.findall(text)})


class PostgresStore(Store):
    placeholder = "%s"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self._sql: dict[str, str] = {}
        self.conn = self._connect()
        self.trigram = False
        if not readonly:
            self.migrate()
        self.trigram = self._has_trgm()

    # --- connection ----------------------------------------------------------------------
    def _connect(self) -> Any:
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from e
        try:
            conn = psycopg.connect(self.url, autocommit=self.readonly, connect_timeout=10)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL ({str(e).strip()})", location=_redact(self.url)) from e
        if self.readonly:
            conn.execute("SET default_transaction_read_only = on")
        return conn

    def _has_trgm(self) -> bool:
        r = self.rows("SELECT 1 AS x FROM pg_extension WHERE extname = 'pg_trgm'")
        if not self.readonly:
            self.conn.commit()
        return bool(r)

    def q(self, sql: str) -> str:
        """`?` → `%s`, LIKE → ILIKE, DESC → DESC NULLS LAST (SQLite's semantics)."""
        out = self._sql.get(sql)
        if out is None:
            out = _DESC.sub("DESC NULLS LAST", _LIKE.sub("ILIKE", sql.replace("%", "%%").replace("?", "%s")))
            self._sql[sql] = out
        return out

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet applied (one transaction, under an advisory lock)."""
        import psycopg

        conn = self.conn
        applied: list[str] = []
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(72657261)")  # one migrating process at a time
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT now())"
                )
                done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
                known = {n for n, _ in MIGRATIONS} | {TRGM[0]}
                if done - known:
                    raise MigrationError(
                        f"the database has migrations this vaarta does not know ({sorted(done - known)}); upgrade vaarta",
                        location=_redact(self.url),
                    )
                for name, sql in MIGRATIONS:
                    if name in done:
                        continue
                    for stmt in sql.split(";"):
                        if stmt.strip():
                            conn.execute(stmt)  # type: ignore[call-overload]
                    conn.execute("INSERT INTO migrations (name) VALUES (%s)", (name,))
                    applied.append(name)
            if TRGM[0] not in done:
                try:
                    with conn.transaction():
                        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                        conn.execute(TRGM[1])
                        conn.execute("INSERT INTO migrations (name) VALUES (%s)", (TRGM[0],))
                    applied.append(TRGM[0])
                except psycopg.Error:
                    pass  # no pg_trgm here (not installed / not allowed): names fall back to a scan
        except psycopg.Error as e:
            raise StoreError(f"cannot migrate the database ({str(e).strip()})", location=_redact(self.url)) from e
        return applied

    def put(self, record: Any, *, signature: Sequence[int] | None = None, bands: Sequence[str] = ()) -> None:
        # pipeline mode: the dozens of small INSERTs of one article travel in one round trip
        with self.conn.pipeline():
            super().put(record, signature=signature, bands=bands)

    # --- backend hooks -------------------------------------------------------------------
    def _index_text(self, cur: Any, article_id: str, title: str, text: str, aliases: Sequence[str]) -> None:
        cur.execute("INSERT INTO articles_words (article_id, words) VALUES (%s, %s)", (article_id, words_of(title + "\n" + text)))

    def _unindex_text(self, cur: Any, article_id: str) -> None:
        cur.execute("DELETE FROM articles_words WHERE article_id = %s", (article_id,))

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        words = [w.casefold() for w in _WORD.findall(query)][:MAX_QUERY_WORDS]
        if not words:
            return []
        rows = self.rows(
            "SELECT a.id, a.title, a.published, a.source, a.text FROM articles_words w JOIN articles a ON a.id = w.article_id"
            " WHERE w.words @> ?::text[] ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
            (sorted(set(words)), max(1, min(limit, MAX_PAGE)), max(0, offset)),
        )
        for r in rows:
            r["snippet"] = snippet(r.pop("text"), words)
        return rows

    def alias_candidates(self, name: str, limit: int = 20) -> list[str]:
        name = name.strip()
        if len(name) < 3:
            return [r["name"] for r in self.rows("SELECT DISTINCT name FROM aliases WHERE alias = ? LIMIT ?", (name, limit))]
        pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return [
            r["name"]
            for r in self.rows(
                "SELECT name, COUNT(*) AS n FROM aliases WHERE alias LIKE ? GROUP BY name ORDER BY n DESC, name LIMIT ?",
                (pattern, limit),
            )
        ]

    def counts(self) -> dict[str, int]:
        return {k: int(v) for k, v in super().counts().items()}  # SUM() is numeric in PostgreSQL


def snippet(text: str, words: Sequence[str], width: int = 12) -> str:
    """About ``width`` words around the first query word, the hits in [brackets] (as SQLite's snippet())."""
    toks = list(_WORD.finditer(text))
    want = {w.casefold() for w in words}
    first = next((i for i, m in enumerate(toks) if m.group().casefold() in want), 0)
    lo = max(0, first - width // 3)
    hi = min(len(toks), lo + width)
    if not toks:
        return ""
    out, pos = [], toks[lo].start()
    for m in toks[lo:hi]:
        out.append(text[pos : m.start()])
        out.append(f"[{m.group()}]" if m.group().casefold() in want else m.group())
        pos = m.end()
    return ("…" if lo > 0 else "") + "".join(out) + ("…" if hi < len(toks) else "")


def _redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)
