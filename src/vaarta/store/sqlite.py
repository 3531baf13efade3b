"""SQLite backend: the embedded default. WAL journal, named migrations, one writer.

Full-text search uses FTS5 with Devanagari combining marks declared as token characters (the
default ``unicode61`` tokenizer splits Hindi words at every vowel sign), plus a ``trigram``
table over the distinct entity aliases (``alias_forms``) for names and their variants. Inside a
batch both are written just before the commit (``Store.defer_index``).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import WORD, Store, schema

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

SCHEMA = schema("TEXT", "REAL")

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", SCHEMA),
    (
        "0002_fulltext",
        f"""
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles', content_rowid='rowid', tokenize="{TOKENIZE}");
CREATE VIRTUAL TABLE names_trigram USING fts5 (alias, content='aliases', content_rowid='rowid', tokenize='trigram');
""",
    ),
    # how each copy signature was made (vaarta.dedup.SIGNATURE_SCHEME); rows stored before this
    # migration were made by scheme 1 and are re-signed by the next ingest
    ("0003_signature_scheme", "ALTER TABLE signatures ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1"),
    # the trigram name index over each distinct alias once (~6,700 of ~24,000 alias rows on
    # covid-hindi-news), not over every alias row: alias_candidates joins back to the rows
    (
        "0004_alias_forms",
        """
CREATE TABLE alias_forms (alias TEXT NOT NULL UNIQUE);
INSERT INTO alias_forms (alias) SELECT alias FROM aliases GROUP BY alias ORDER BY MIN(rowid);
CREATE VIRTUAL TABLE forms_trigram USING fts5 (alias, content='alias_forms', content_rowid='rowid', tokenize='trigram');
INSERT INTO forms_trigram (forms_trigram) VALUES ('rebuild');
DROP TABLE names_trigram;
""",
    ),
    # the window (crossdoc block, "TYPE|YYYY-MM-DD+14d") of each merged cluster, so an ingest replaces
    # only the windows it touched (crossdoc_store); clusters stored before have none and make their
    # type be merged whole once
    (
        "0005_cluster_window",
        "ALTER TABLE clusters ADD COLUMN block TEXT; CREATE INDEX clusters_block ON clusters (block);",
    ),
    # articles stored but not yet merged across articles: an ingest that stops before its merge (an
    # error, a kill) leaves them, and the next ingest merges everything; "*" (a store written before
    # this migration) makes that happen once, so an upgraded store gets its statements
    (
        "0006_pending_merge",
        "CREATE TABLE pending_merge (article_id TEXT PRIMARY KEY); INSERT INTO pending_merge (article_id) VALUES ('*');",
    ),
    # a pending mark's version: every put of the article bumps it, and a merge clears only the marks
    # it read (``Store.merge_done``), so a version stored during another process's merge stays pending
    ("0007_pending_token", "ALTER TABLE pending_merge ADD COLUMN token INTEGER NOT NULL DEFAULT 0"),
]

# Writer settings (measured with bench/bench_ingest.py, docs/benchmarks.md). Durability is that of
# WAL + synchronous=NORMAL either way: a killed process loses at most the article being written.
# how long a writer waits for another one's transaction (a merge of a large store takes seconds)
WRITER_WAIT_MS = 60_000

WRITER_PRAGMAS = (
    "wal_autocheckpoint=10000",  # pages (~40 MB of WAL) between checkpoints, not 1,000: fewer fsyncs
    "cache_size=-32000",  # KiB of page cache (default 2 MB): the indexes of a corpus stay in memory
    "temp_store=MEMORY",
)


class SqliteStore(Store):
    placeholder = "?"
    defer_index = True  # FTS5 writes a segment at every savepoint it has joined (base.Store)

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.conn = self._connect()
        if readonly:
            names = {n for n, _ in MIGRATIONS}
            done = self._applied()
            if done is not None and names - done and not done - names and self._may_upgrade():
                # an older vaarta's database, in a file we may write: upgrade it first (the
                # migrations are the writer's, each in its own transaction), then read it
                self.conn.close()
                try:
                    SqliteStore(self.path).close()
                except sqlite3.Error as e:
                    raise StoreError(
                        f"the database lacks migrations {sorted(names - done)} and upgrading it failed ({e})", location=self.path
                    ) from e
                self.conn = self._connect()
                done = self._applied()
            self._check_migrations(done, names, names, self.path)
        else:
            self.migrate()

    def _may_upgrade(self) -> bool:
        """Whether a read-only opening may upgrade the file: it and its folder are writable
        (SQLite writes its WAL and shared-memory files beside the database)."""
        path = Path(self.path)
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                if not Path(self.path).exists():
                    raise StoreError("no such database; create it with `vaarta ingest`", location=self.path)
                conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, check_same_thread=False)
                conn.execute(f"PRAGMA busy_timeout={WRITER_WAIT_MS}")  # first: switching to WAL may wait for another writer
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                for pragma in WRITER_PRAGMAS:
                    conn.execute(f"PRAGMA {pragma}")  # fixed strings
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute(f"PRAGMA busy_timeout={WRITER_WAIT_MS if not self.readonly else 5000}")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open the database ({e}); is it a SQLite file?", location=self.path) from e
        return conn

    def _applied(self) -> set[str] | None:
        """The names of the migrations applied (None: no migrations table, not a vaarta store)."""
        try:
            if self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone() is None:
                return None
            return {r[0] for r in self.conn.execute("SELECT name FROM migrations")}
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot read the database ({e}); is it a SQLite file?", location=self.path) from e

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet applied, each in its own transaction."""
        try:
            self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot read the database ({e}); is it a SQLite file?", location=self.path) from e
        done = self._applied() or set()
        self._check_migrations(done, {n for n, _ in MIGRATIONS}, set(), self.path)
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            try:
                # the write lock first, then ask again: another process may have applied it
                # since ``done`` was read (two writers, or a writer and a read-only upgrade)
                self.conn.execute("BEGIN IMMEDIATE")
                if self.conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                    self.conn.execute("COMMIT")
                    continue
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

    def _index_text(self, cur: Any, article_id: str, title: str, text: str) -> None:
        self._index_texts(cur, [article_id])

    def _index_texts(self, cur: Any, article_ids: list[str]) -> None:
        # external-content indexes: the text is stored once (articles), each alias once (alias_forms)
        for i in range(0, len(article_ids), 500):  # (bound parameters per statement)
            part = article_ids[i : i + 500]
            marks = ",".join("?" * len(part))
            cur.execute(
                "INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles"
                f" WHERE id IN ({marks}) ORDER BY rowid",
                part,
            )
            # forms never seen before get the next rowids (none is ever deleted: a form no
            # alias row holds any more matches nothing in alias_candidates' join)
            cur.execute("SELECT COALESCE(MAX(rowid), 0) FROM alias_forms")
            last = cur.fetchone()[0]
            cur.execute(
                f"INSERT OR IGNORE INTO alias_forms (alias) SELECT alias FROM aliases WHERE article_id IN ({marks}) ORDER BY rowid",
                part,
            )
            cur.execute("INSERT INTO forms_trigram (rowid, alias) SELECT rowid, alias FROM alias_forms WHERE rowid > ?", (last,))

    def _unindex_text(self, cur: Any, article_id: str) -> None:
        cur.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, text)"
            " SELECT 'delete', rowid, title, text FROM articles WHERE id = ?",
            (article_id,),
        )

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        self._index_deferred()  # inside a batch: the writer's own articles are found too
        words = WORD.findall(query)
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
        self._index_deferred()
        name = name.strip()
        if len(name) < 3:
            return [r["name"] for r in self.rows("SELECT DISTINCT name FROM aliases WHERE alias = ? LIMIT ?", (name, limit))]
        phrase = '"' + name.replace('"', '""') + '"'
        return [
            r["name"]
            for r in self.rows(
                "SELECT a.name, COUNT(*) AS n FROM forms_trigram JOIN alias_forms f ON f.rowid = forms_trigram.rowid"
                " JOIN aliases a ON a.alias = f.alias WHERE forms_trigram MATCH ? GROUP BY a.name ORDER BY n DESC LIMIT ?",
                (phrase, limit),
            )
        ]
