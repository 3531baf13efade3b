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

from ..errors import StoreError
from .base import MAX_PAGE, WORD, Store, schema

T = 'TEXT COLLATE "C"'

SCHEMA = schema(T, "DOUBLE PRECISION")

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
    # how each copy signature was made (vaarta.dedup.SIGNATURE_SCHEME); see sqlite.py
    ("0005_signature_scheme", "ALTER TABLE signatures ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1"),
    # the window of each merged cluster (see sqlite.py)
    ("0006_cluster_window", "ALTER TABLE clusters ADD COLUMN block TEXT; CREATE INDEX clusters_block ON clusters (block);"),
    # articles stored but not yet merged (see sqlite.py)
    (
        "0007_pending_merge",
        "CREATE TABLE pending_merge (article_id TEXT PRIMARY KEY); INSERT INTO pending_merge (article_id) VALUES ('*');",
    ),
    # a pending mark's version (see sqlite.py)
    ("0008_pending_token", "ALTER TABLE pending_merge ADD COLUMN token INTEGER NOT NULL DEFAULT 0"),
]
# Trigram index on aliases, only where pg_trgm can be created (it is optional).
TRGM = ("0004_alias_trigram", "CREATE INDEX aliases_alias_trgm ON aliases USING GIN (alias gin_trgm_ops)")
KNOWN = {n for n, _ in MIGRATIONS} | {TRGM[0]}

_DESC = re.compile(r"\bDESC\b")
_LIKE = re.compile(r"\bLIKE\b")
MAX_QUERY_WORDS = 16


def words_of(text: str) -> list[str]:
    """The whole words of a text as the search index keeps them (lower-cased, unique)."""
    return sorted({w.casefold() for w in WORD.findall(text)})


# the advisory lock key that serialises merges across articles (Store.merging): 'vaarta' in ASCII
MERGE_LOCK = 0x766161727461


class PostgresStore(Store):
    placeholder = "%s"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self._sql: dict[str, str] = {}
        self.conn = self._connect()
        self.trigram = False
        if readonly:
            self._check_migrations(self._applied(), KNOWN, {n for n, _ in MIGRATIONS}, redact(url))
        else:
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
            raise StoreError(f"cannot connect to PostgreSQL ({_one_line(e)})", location=redact(self.url)) from e
        if self.readonly:
            conn.execute("SET default_transaction_read_only = on")
        return conn

    def _lock_merge(self, cur: Any) -> None:
        # released by the transaction's commit or rollback; puts go on meanwhile, merges wait
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (MERGE_LOCK,))

    def _applied(self) -> set[str] | None:
        """The names of the migrations applied (None: no migrations table, not a vaarta store)."""
        if self.scalar("SELECT to_regclass('migrations') IS NOT NULL") is not True:
            return None
        return {r["name"] for r in self.rows("SELECT name FROM migrations")}

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
                self._check_migrations(done, KNOWN, set(), redact(self.url))
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
            raise StoreError(f"cannot migrate the database ({_one_line(e)})", location=redact(self.url)) from e
        return applied

    def put(
        self, record: Any, *, signature: Sequence[int] | None = None, bands: Sequence[str] = (), signature_scheme: int = 1
    ) -> None:
        # pipeline mode: the dozens of small INSERTs of one article travel in one round trip
        with self.conn.pipeline():
            super().put(record, signature=signature, bands=bands, signature_scheme=signature_scheme)

    # --- backend hooks -------------------------------------------------------------------
    def _index_text(self, cur: Any, article_id: str, title: str, text: str) -> None:
        cur.execute("INSERT INTO articles_words (article_id, words) VALUES (%s, %s)", (article_id, words_of(title + "\n" + text)))

    def _unindex_text(self, cur: Any, article_id: str) -> None:
        cur.execute("DELETE FROM articles_words WHERE article_id = %s", (article_id,))

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        words = [w.casefold() for w in WORD.findall(query)][:MAX_QUERY_WORDS]
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
    toks = list(WORD.finditer(text))
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


def _one_line(e: BaseException) -> str:
    """A server's (often multi-line) message on one line."""
    return " ".join(str(e).split())


def redact(url: str) -> str:
    """The URL with its password hidden (for messages and logs)."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)
