"""The store interface and the SQL both backends share.

A backend supplies a DB-API connection, its placeholder style, its migrations and its
full-text search; everything else — how a record is written (one transaction per article),
read back and queried — lives here once. All SQL is parameterised.
"""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import regex

from ..errors import MigrationError, StoreError
from ..model import Record, Rejection

MAX_PAGE = 500  # no query returns more rows than this

# Whole words, as both backends index and query them: letters, combining marks, digits.
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def schema(t: str, real: str) -> str:
    """The tables both backends share, given the backend's text and float column types."""
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
                json.dumps(list(ev.actors), ensure_ascii=False),
                json.dumps(list(ev.recipients), ensure_ascii=False),
                json.dumps([[s.start, s.end] for s in ev.evidence]),
                d.published,
            )
        )
        for role, names in (("actor", ev.actors), ("recipient", ev.recipients)):
            rows["event_participants"].extend((a, i, n, role) for n in dict.fromkeys(names))
    rows["quotes"] = [(a, i, q.speaker, q.start, q.end, bool(q.direct), q.via) for i, q in enumerate(record.quotes)]
    rows["flags"] = [(a, i, f.kind, f.start, f.end, f.note) for i, f in enumerate(record.flags)]
    return rows


def _pack(rec: dict[str, Any]) -> str:
    """The record as stored: its text lives once, in the ``text`` column."""
    return json.dumps({k: v for k, v in rec.items() if k != "text"}, ensure_ascii=False)


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


class Store(ABC):
    """Where analysed articles live. Writes go through one writer; reads may be many."""

    placeholder = "?"
    readonly = False

    # --- backend hooks -------------------------------------------------------------------
    @abstractmethod
    def _connect(self) -> Any: ...

    @abstractmethod
    def _index_text(self, cur: Any, article_id: str, title: str, text: str) -> None:
        """Add one article (its rows already written) to the full-text and name indexes."""

    @abstractmethod
    def _unindex_text(self, cur: Any, article_id: str) -> None: ...

    @abstractmethod
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose text contains the words of ``query`` (whole Hindi words)."""

    @abstractmethod
    def alias_candidates(self, name: str, limit: int = 20) -> list[str]:
        """Stored entity names whose aliases look like ``name`` (substring/trigram)."""

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- helpers -------------------------------------------------------------------------
    conn: Any

    def q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.cursor()
        cur.execute(self.q(sql), tuple(params))
        cols = [c[0] for c in cur.description] if cur.description else []
        out = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        cur.close()
        return out

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        r = self.rows(sql, params)
        return next(iter(r[0].values())) if r else None

    def _begin(self) -> Any:
        return self.conn.cursor()

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One write transaction: a cursor, committed at the end, rolled back on any error."""
        if self.readonly:
            raise PermissionError("this store was opened read-only")
        cur = self._begin()
        try:
            yield cur
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise
        finally:
            cur.close()

    def _check_migrations(self, done: set[str] | None, known: set[str], required: set[str], location: str) -> None:
        """Refuse a database this vaarta cannot read: not a vaarta store (``done`` is None: no
        migrations table), written by a newer vaarta, or not yet migrated (read-only opening)."""
        if done is None:
            raise StoreError("not a vaarta database (no migrations table); create one with `vaarta ingest`", location=location)
        if done - known:
            raise MigrationError(
                f"the database has migrations this vaarta does not know ({sorted(done - known)}); upgrade vaarta",
                location=location,
            )
        if required - done:
            raise StoreError(
                f"the database lacks migrations {sorted(required - done)}; open it once for writing"
                " (e.g. `vaarta ingest`) to upgrade it",
                location=location,
            )

    # --- writing -------------------------------------------------------------------------
    def has(self, article_id: str) -> bool:
        return self.scalar("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def put(self, record: Record, *, signature: Sequence[int] | None = None, bands: Sequence[str] = ()) -> None:
        """Write one analysed article (replacing any earlier version) in one transaction."""
        rec = record.to_json()
        d = record.document
        with self._write() as cur:
            if self._may_exist(cur, d.id):
                self._delete_rows(cur, d.id)
            cur.execute(
                self.q(
                    "INSERT INTO articles (id, source, url, title, author, published, published_from, duplicate_of,"
                    " text, raw, record, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                ),
                (
                    d.id,
                    d.source,
                    d.url,
                    d.title,
                    d.author,
                    d.published,
                    d.published_from,
                    record.duplicate_of,
                    d.text,
                    d.raw,
                    _pack(rec),
                    time.time(),
                ),
            )
            rows = _rows_of(record)
            for table, cols in _CHILD_TABLES.items():
                if rows[table]:
                    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})"
                    cur.executemany(self.q(sql), rows[table])
            if signature is not None:
                cur.execute(self.q("INSERT INTO signatures (article_id, sig) VALUES (?,?)"), (d.id, json.dumps(list(signature))))
            if bands:
                cur.executemany(
                    self.q("INSERT INTO lsh_bands (band, hash, article_id) VALUES (?,?,?)"),
                    [(b, h, d.id) for b, h in enumerate(bands)],
                )
            cur.execute(self.q("DELETE FROM rejections WHERE source = ?"), (d.source,))
            self._index_text(cur, d.id, d.title or "", d.text)

    def _may_exist(self, cur: Any, article_id: str) -> bool:
        """Whether ``put`` must first delete an earlier version (a backend that can ask cheaply
        inside the write transaction says False for a new article: a dozen DELETEs saved)."""
        return True

    def _delete_rows(self, cur: Any, article_id: str) -> None:
        self._unindex_text(cur, article_id)  # first: the indexes read the rows they index
        for table in (
            "entities",
            "aliases",
            "times",
            "events",
            "event_participants",
            "quotes",
            "flags",
            "signatures",
            "lsh_bands",
        ):
            cur.execute(self.q(f"DELETE FROM {table} WHERE article_id = ?"), (article_id,))  # fixed table names
        cur.execute(self.q("DELETE FROM articles WHERE id = ?"), (article_id,))

    def reject(self, rejection: Rejection) -> None:
        """Remember why an input was not analysed (the latest reason per source)."""
        with self._write() as cur:
            cur.execute(self.q("DELETE FROM rejections WHERE source = ?"), (rejection.source,))
            cur.execute(
                self.q("INSERT INTO rejections (source, reason, detail, at) VALUES (?,?,?,?)"),
                (rejection.source, rejection.reason, rejection.detail, time.time()),
            )

    def set_duplicate(self, article_id: str, duplicate_of: str | None) -> None:
        with self._write() as cur:
            rec = self.get(article_id)
            if rec is None:
                return
            rec["duplicate_of"] = duplicate_of
            cur.execute(
                self.q("UPDATE articles SET duplicate_of = ?, record = ? WHERE id = ?"), (duplicate_of, _pack(rec), article_id)
            )

    def replace_clusters(self, clusters: Sequence[dict[str, Any]], *, types: Sequence[str] | None = None) -> None:
        """Replace the merged events (all of them, or those of ``types``) in one transaction."""
        with self._write() as cur:
            if types is None:
                cur.execute("DELETE FROM cluster_members")
                cur.execute("DELETE FROM clusters")
            else:
                for t in types:
                    cur.execute(
                        self.q("DELETE FROM cluster_members WHERE cluster_id IN (SELECT id FROM clusters WHERE type = ?)"), (t,)
                    )
                    cur.execute(self.q("DELETE FROM clusters WHERE type = ?"), (t,))
            for c in clusters:
                cur.execute(
                    self.q(
                        "INSERT INTO clusters (id, type, participants, date, location, reason, contradictions, n_articles)"
                        " VALUES (?,?,?,?,?,?,?,?)"
                    ),
                    (
                        c["id"],
                        c["type"],
                        json.dumps(c["participants"], ensure_ascii=False),
                        c.get("date"),
                        c.get("location"),
                        c.get("reason", ""),
                        json.dumps(c.get("contradictions", []), ensure_ascii=False),
                        len(set(c["articles"])),
                    ),
                )
                for art, idx in c["reports"]:
                    cur.execute(
                        self.q("INSERT INTO cluster_members (cluster_id, article_id, idx) VALUES (?,?,?)"), (c["id"], art, idx)
                    )

    # --- reading -------------------------------------------------------------------------
    def get(self, article_id: str) -> dict[str, Any] | None:
        """The full record of spec/record.md, or ``None``."""
        r = self.rows("SELECT record, text FROM articles WHERE id = ?", (article_id,))
        return _unpack(r[0]) if r else None

    def copy_info(self, article_id: str) -> tuple[str | None, str | None] | None:
        """``(published, duplicate_of)`` of a stored article (what the copy finder needs), or ``None``;
        the same values as in :meth:`get`'s record, without reading the record."""
        r = self.rows("SELECT published, duplicate_of FROM articles WHERE id = ?", (article_id,))
        return (r[0]["published"], r[0]["duplicate_of"]) if r else None

    def raw(self, article_id: str) -> str | None:
        return self.scalar("SELECT raw FROM articles WHERE id = ?", (article_id,))

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Every record, in a stable order (published, id)."""
        last = ""
        while True:
            batch = self.rows("SELECT id, record, text FROM articles WHERE id > ? ORDER BY id LIMIT 200", (last,))
            if not batch:
                return
            for r in batch:
                yield _unpack(r)
            last = batch[-1]["id"]

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.scalar("SELECT COUNT(*) FROM articles") or 0,
            "copies": self.scalar("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL") or 0,
            "entities": self.scalar("SELECT COUNT(DISTINCT name) FROM entities") or 0,
            "mentions": self.scalar("SELECT COALESCE(SUM(n_mentions), 0) FROM entities") or 0,
            "times": self.scalar("SELECT COUNT(*) FROM times") or 0,
            "events": self.scalar("SELECT COUNT(*) FROM events") or 0,
            "merged_events": self.scalar("SELECT COUNT(*) FROM clusters WHERE n_articles > 1") or 0,
            "quotes": self.scalar("SELECT COUNT(*) FROM quotes") or 0,
            "flags": self.scalar("SELECT COUNT(*) FROM flags") or 0,
            "rejected": self.scalar("SELECT COUNT(*) FROM rejections") or 0,
        }

    def list_articles(
        self,
        *,
        source: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        words: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        limit = max(1, min(limit, MAX_PAGE))
        if words:
            ids = [r["id"] for r in self.search(words, limit=MAX_PAGE)]
            if not ids:
                return []
        where, params = ["1=1"], []
        if source:
            where.append("source LIKE ?")
            params.append(f"%{source}%")
        if date_from:
            where.append("published >= ?")
            params.append(date_from)
        if date_to:
            where.append("published <= ?")
            params.append(date_to)
        if words:
            where.append(f"id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        return self.rows(
            "SELECT id, title, source, url, published, duplicate_of,"
            " (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS n_events"
            f" FROM articles a WHERE {' AND '.join(where)} ORDER BY published DESC, id LIMIT ? OFFSET ?",
            (*params, limit, max(0, offset)),
        )

    def names_for(self, name_or_alias: str) -> list[str]:
        """Canonical names an alias (any script) stands for in this store.

        In order: an alias or name seen in the store; a spelling variant of one (same
        spelling key); what the knowledge base says the alias means (पुतिन → Vladimir Putin,
        even where the articles only wrote व्लादिमीर पुतिन); a stored alias of which the query
        is a whole word.
        """
        from ..kb import default_kb, name_key  # the KB's spelling-variant key

        q = name_or_alias.strip()
        exact = [r["name"] for r in self.rows("SELECT DISTINCT name FROM aliases WHERE alias = ? OR name = ?", (q, q))]
        if exact:
            return exact
        key = name_key(q)
        candidates = self.alias_candidates(q)
        by_aliases = {n: self._aliases_of(n) for n in candidates}
        same_key = [n for n, aliases in by_aliases.items() if key in {name_key(a) for a in aliases}]
        if same_key:
            return same_key
        stored = [e.name for e in default_kb().lookup(q) if self.scalar("SELECT 1 FROM entities WHERE name = ?", (e.name,))]
        if stored:
            return stored
        return [n for n, aliases in by_aliases.items() if any(key in name_key(a).split() for a in aliases)]

    def _aliases_of(self, name: str) -> list[str]:
        return [r["alias"] for r in self.rows("SELECT DISTINCT alias FROM aliases WHERE name = ?", (name,))]

    def list_events(
        self,
        *,
        type: str | None = None,
        participant: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        status: str | None = None,
        mode: str | None = None,
        article_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        limit = max(1, min(limit, MAX_PAGE))
        where, params = ["1=1"], []
        for col, val in (("type", type), ("status", status), ("mode", mode), ("e.article_id", article_id)):
            if val:
                where.append(f"{col} = ?")
                params.append(val)
        if date_from:
            where.append("COALESCE(date, e.published) >= ?")
            params.append(date_from)
        if date_to:
            where.append("COALESCE(date, e.published) <= ?")
            params.append(date_to)
        if participant:
            names = self.names_for(participant) or [participant]
            where.append(
                "(e.article_id, e.idx) IN (SELECT article_id, idx FROM event_participants"
                f" WHERE name IN ({','.join('?' * len(names))}))"
            )
            params.extend(names)
        rows = self.rows(
            "SELECT e.article_id, e.idx, type, mode, status, date, location, killed, injured, confidence, actors,"
            " recipients, evidence, e.published, a.title FROM events e JOIN articles a ON a.id = e.article_id"
            f" WHERE {' AND '.join(where)} ORDER BY COALESCE(date, e.published) DESC, e.article_id, e.idx LIMIT ? OFFSET ?",
            (*params, limit, max(0, offset)),
        )
        return _decoded(rows, "actors", "recipients", "evidence")

    def find_entities(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        names = self.names_for(query)
        if not names:
            names = self.alias_candidates(query, limit=limit)
        if not names:
            return []
        return self.rows(
            "SELECT name, MAX(name_hi) AS name_hi, MAX(type) AS type, MAX(kb_id) AS kb_id,"
            f" COUNT(DISTINCT article_id) AS n_articles FROM entities WHERE name IN ({','.join('?' * len(names))})"
            " GROUP BY name ORDER BY n_articles DESC LIMIT ?",
            (*names, limit),
        )

    def entity(self, name: str, *, limit: int = 50) -> dict[str, Any] | None:
        """One entity: aliases seen, articles, co-mentioned entities and events."""
        names = self.names_for(name)
        if not names:
            return None
        name = names[0]
        head = self.rows(
            "SELECT name, MAX(name_hi) AS name_hi, MAX(type) AS type, MAX(kb_id) AS kb_id,"
            " COUNT(DISTINCT article_id) AS n_articles FROM entities WHERE name = ? GROUP BY name",
            (name,),
        )
        if not head:
            return None
        out = head[0]
        out["aliases"] = [
            r["alias"]
            for r in self.rows(
                "SELECT alias, COUNT(*) AS n FROM aliases WHERE name = ? GROUP BY alias ORDER BY n DESC, alias", (name,)
            )
        ]
        out["articles"] = self.rows(
            "SELECT DISTINCT a.id, a.title, a.published FROM entities e JOIN articles a ON a.id = e.article_id"
            " WHERE e.name = ? ORDER BY a.published DESC, a.id LIMIT ?",
            (name, limit),
        )
        out["co_mentioned"] = self.rows(
            "SELECT o.name, MAX(o.type) AS type, COUNT(DISTINCT o.article_id) AS n FROM entities e"
            " JOIN entities o ON o.article_id = e.article_id AND o.name <> e.name WHERE e.name = ?"
            " GROUP BY o.name ORDER BY n DESC, o.name LIMIT 25",
            (name,),
        )
        out["events"] = self.list_events(participant=name, limit=limit)
        return out

    def timeline(self, name: str, other: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """Events of an entity (or of a pair) in date order."""
        evs = self.list_events(participant=name, limit=MAX_PAGE)
        if other:
            others = set(self.names_for(other) or [other])
            evs = [e for e in evs if others & set(e["actors"] + e["recipients"])]
        evs.sort(key=lambda e: (e["date"] or e["published"] or "", e["article_id"], e["idx"]))
        return evs[:limit]

    def network(self, name: str, limit: int = 30) -> list[dict[str, Any]]:
        """Who met whom: counterparts of ``name`` in CONSULT events, with counts."""
        names = self.names_for(name) or [name]
        return self.rows(
            "SELECT o.name, COUNT(*) AS n FROM event_participants p JOIN events e ON e.article_id = p.article_id"
            " AND e.idx = p.idx JOIN event_participants o ON o.article_id = p.article_id AND o.idx = p.idx"
            f" AND o.name <> p.name WHERE e.type = 'CONSULT' AND p.name IN ({','.join('?' * len(names))})"
            " GROUP BY o.name ORDER BY n DESC LIMIT ?",
            (*names, limit),
        )

    def event_reports(self, types: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """All stored events with their article's date and source (input to cross-article merging)."""
        where = f"WHERE e.type IN ({','.join('?' * len(types))})" if types else ""
        rows = self.rows(
            "SELECT e.article_id, e.idx, e.type, e.mode, e.status, e.date, e.location, e.killed, e.injured, e.confidence,"
            " e.actors, e.recipients, e.evidence, a.published, a.source, a.duplicate_of FROM events e"
            f" JOIN articles a ON a.id = e.article_id {where} ORDER BY e.article_id, e.idx",
            tuple(types or ()),
        )
        return _decoded(rows, "actors", "recipients", "evidence")

    def clusters(self, *, min_articles: int = 2, limit: int = MAX_PAGE, offset: int = 0) -> list[dict[str, Any]]:
        rows = _decoded(
            self.rows(
                "SELECT id, type, participants, date, location, reason, contradictions, n_articles FROM clusters"
                " WHERE n_articles >= ? ORDER BY date DESC, id LIMIT ? OFFSET ?",
                (min_articles, max(1, min(limit, MAX_PAGE)), max(0, offset)),
            ),
            "participants",
            "contradictions",
        )
        reports: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
        if rows:  # the page's members in one query, not one per cluster
            for m in self.rows(
                "SELECT m.cluster_id, m.article_id, m.idx, a.source, a.title, a.published FROM cluster_members m"
                f" JOIN articles a ON a.id = m.article_id WHERE m.cluster_id IN ({','.join('?' * len(rows))})"
                " ORDER BY m.cluster_id, m.article_id, m.idx",
                list(reports),
            ):
                reports[m.pop("cluster_id")].append(m)
        for r in rows:
            r["reports"] = reports[r["id"]]
            r["articles"] = sorted({m["article_id"] for m in r["reports"]})
        return rows

    def rejections(self, limit: int = MAX_PAGE) -> list[dict[str, Any]]:
        return self.rows("SELECT source, reason, detail FROM rejections ORDER BY source LIMIT ?", (limit,))

    def signatures_for(self, bands: Sequence[str]) -> list[tuple[str, list[int]]]:
        """Stored MinHash signatures of articles sharing any LSH band hash (copy candidates)."""
        if not bands:
            return []
        cond = " OR ".join("(band = ? AND hash = ?)" for _ in bands)
        params: list[Any] = []
        for b, h in enumerate(bands):
            params.extend((b, h))
        rows = self.rows(
            f"SELECT DISTINCT s.article_id, s.sig FROM lsh_bands l JOIN signatures s ON s.article_id = l.article_id WHERE {cond}",
            params,
        )
        return [(r["article_id"], json.loads(r["sig"])) for r in rows]
