"""SQLite backend: the embedded default. WAL journal, named migrations, one writer.

Full-text search uses FTS5 with Devanagari combining marks declared as token characters (the
default ``unicode61`` tokenizer splits Hindi words at every vowel sign), plus a ``trigram``
table over entity aliases for names and their variants.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import regex

from ..errors import MigrationError, StoreError
from .base import Store

# Devanagari combining marks (vowel signs, virama, nukta, anusvara, chandrabindu, visarga)
# plus ZWJ/ZWNJ: declared as token characters so words stay whole.
_MARKS = "".join(
    chr(c)
    for c in [
        *range(0x0900, 0x0904),
        *range(0x093A, 0x093D),
        *range(0x093E, 0x0950),
        *range(0x0951, 0x0958),
        0x0962,
        0x0963,
        0x200C,
        0x200D,
    ]
)
TOKENIZE = f"unicode61 remove_diacritics 0 tokenchars '{_MARKS}'"

SCHEMA = """
CREATE TABLE articles (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT, title TEXT, author TEXT, published TEXT,
  published_from TEXT, duplicate_of TEXT, text TEXT NOT NULL, raw TEXT NOT NULL, record TEXT NOT NULL,
  ingested_at REAL NOT NULL);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source);
CREATE TABLE entities (article_id TEXT NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL, name_hi TEXT,
  type TEXT NOT NULL, kb_id TEXT, confidence REAL, n_mentions INTEGER NOT NULL, PRIMARY KEY (article_id, idx));
CREATE INDEX entities_name ON entities (name);
CREATE TABLE aliases (article_id TEXT NOT NULL, alias TEXT NOT NULL, name TEXT NOT NULL, type TEXT);
CREATE INDEX aliases_alias ON aliases (alias);
CREATE INDEX aliases_name ON aliases (name);
CREATE INDEX aliases_article ON aliases (article_id);
CREATE TABLE times (article_id TEXT NOT NULL, idx INTEGER NOT NULL, span_start INTEGER, span_end INTEGER,
  text TEXT, value TEXT, granularity TEXT, reason TEXT, PRIMARY KEY (article_id, idx));
CREATE TABLE events (article_id TEXT NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT, status TEXT,
  date TEXT, location TEXT, killed INTEGER, injured INTEGER, confidence REAL, actors TEXT, recipients TEXT,
  evidence TEXT, published TEXT, PRIMARY KEY (article_id, idx));
CREATE INDEX events_type_date ON events (type, date);
CREATE INDEX events_date ON events (date);
CREATE TABLE event_participants (article_id TEXT NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL, role TEXT);
CREATE INDEX event_participants_name ON event_participants (name);
CREATE INDEX event_participants_event ON event_participants (article_id, idx);
CREATE TABLE quotes (article_id TEXT NOT NULL, idx INTEGER NOT NULL, speaker TEXT, span_start INTEGER,
  span_end INTEGER, direct BOOLEAN, via TEXT, PRIMARY KEY (article_id, idx));
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE TABLE flags (article_id TEXT NOT NULL, idx INTEGER NOT NULL, kind TEXT, span_start INTEGER,
  span_end INTEGER, note TEXT, PRIMARY KEY (article_id, idx));
CREATE TABLE rejections (source TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT, at REAL);
CREATE TABLE signatures (article_id TEXT PRIMARY KEY, sig TEXT NOT NULL);
CREATE TABLE lsh_bands (band INTEGER NOT NULL, hash TEXT NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX lsh_bands_hash ON lsh_bands (band, hash);
CREATE INDEX lsh_bands_article ON lsh_bands (article_id);
CREATE TABLE clusters (id TEXT PRIMARY KEY, type TEXT NOT NULL, participants TEXT, date TEXT, location TEXT,
  reason TEXT, contradictions TEXT, n_articles INTEGER NOT NULL);
CREATE INDEX clusters_type ON clusters (type);
CREATE TABLE cluster_members (cluster_id TEXT NOT NULL, article_id TEXT NOT NULL, idx INTEGER NOT NULL);
CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id);
CREATE INDEX cluster_members_article ON cluster_members (article_id);
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", SCHEMA),
    (
        "0002_fulltext",
        f"""
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles', content_rowid='rowid', tokenize="{TOKENIZE}");
CREATE VIRTUAL TABLE names_trigram USING fts5 (alias, content='aliases', content_rowid='rowid', tokenize='trigram');
""",
    ),
]

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")

# Writer settings (measured with bench/bench_ingest.py, docs/benchmarks.md). Durability is that of
# WAL + synchronous=NORMAL either way: a killed process loses at most the article being written.
WRITER_PRAGMAS = (
    "wal_autocheckpoint=10000",  # pages (~40 MB of WAL) between checkpoints, not 1,000: fewer fsyncs
    "cache_size=-32000",  # KiB of page cache (default 2 MB): the indexes of a corpus stay in memory
    "temp_store=MEMORY",
)


class SqliteStore(Store):
    placeholder = "?"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.conn = self._connect()
        if not readonly:
            self.migrate()

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                if not Path(self.path).exists():
                    raise StoreError("no such database; create it with `vaarta ingest`", location=self.path)
                conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                for pragma in WRITER_PRAGMAS:
                    conn.execute(f"PRAGMA {pragma}")  # fixed strings
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=5000")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open the database ({e}); is it a SQLite file?", location=self.path) from e
        return conn

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet applied, each in its own transaction."""
        try:
            self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            done = {r[0] for r in self.conn.execute("SELECT name FROM migrations")}
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot read the database ({e}); is it a SQLite file?", location=self.path) from e
        known = {n for n, _ in MIGRATIONS}
        if done - known:
            raise MigrationError(
                f"the database has migrations this vaarta does not know ({sorted(done - known)}); upgrade vaarta",
                location=self.path,
            )
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            try:
                self.conn.execute("BEGIN")
                for stmt in sql.split(";"):
                    if stmt.strip():
                        self.conn.execute(stmt)
                self.conn.execute("INSERT INTO migrations VALUES (?, datetime('now'))", (name,))
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            applied.append(name)
        self.conn.commit()
        return applied

    def _begin(self) -> Any:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        return cur

    def _may_exist(self, cur: Any, article_id: str) -> bool:
        cur.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return cur.fetchone() is not None

    def _index_text(self, cur: Any, article_id: str, title: str, text: str, aliases: Sequence[str]) -> None:
        # external-content index over articles(title, text): the text is stored once
        cur.execute(
            "INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles WHERE id = ?", (article_id,)
        )
        cur.execute(
            "INSERT INTO names_trigram (rowid, alias) SELECT rowid, alias FROM aliases WHERE article_id = ?", (article_id,)
        )

    def _unindex_text(self, cur: Any, article_id: str) -> None:
        cur.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, text)"
            " SELECT 'delete', rowid, title, text FROM articles WHERE id = ?",
            (article_id,),
        )
        cur.execute(
            "INSERT INTO names_trigram (names_trigram, rowid, alias) SELECT 'delete', rowid, alias FROM aliases WHERE article_id = ?",
            (article_id,),
        )

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        words = _WORD.findall(query)
        if not words:
            return []
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in words[:16])
        return self.rows(
            "SELECT a.id, a.title, a.published, a.source,"
            " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet FROM articles_fts"
            " JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, max(1, min(limit, 500)), max(0, offset)),
        )

    def alias_candidates(self, name: str, limit: int = 20) -> list[str]:
        name = name.strip()
        if len(name) < 3:
            return [r["name"] for r in self.rows("SELECT DISTINCT name FROM aliases WHERE alias = ? LIMIT ?", (name, limit))]
        phrase = '"' + name.replace('"', '""') + '"'
        return [
            r["name"]
            for r in self.rows(
                "SELECT a.name, COUNT(*) AS n FROM names_trigram JOIN aliases a ON a.rowid = names_trigram.rowid"
                " WHERE names_trigram MATCH ? GROUP BY a.name ORDER BY n DESC LIMIT ?",
                (phrase, limit),
            )
        ]
