"""The store interface and the SQL both backends share.

A backend supplies a DB-API connection, its placeholder style, its migrations and its
full-text search; everything else — how a record is written (one transaction per article, or
per batch of articles inside :meth:`Store.batch`), read back (``reading.py``) and queried —
lives here once. All SQL is parameterised. The tables are in ``tables.py``.
"""

from __future__ import annotations

import json
import math
import sys
import time
from abc import abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import MigrationError, StoreError
from ..model import Record, Rejection
from .reading import Reading
from .tables import _CHILD_TABLES, MAX_PAGE, WORD, _pack, _rows_of, schema

__all__ = ["MAX_PAGE", "WORD", "Store", "schema"]

# Writes per transaction inside Store.batch (measured with bench/bench_ingest.py: committing
# every article cost ~1 ms of CPU, most of it index pages written again at each commit; a
# batch shares them), and the longest a batch stays open, so a slow ingest still shows progress.
BATCH_ARTICLES = 32
BATCH_SECONDS = 2.0


@dataclass
class _Batch:
    articles: int
    seconds: float
    cur: Any = None
    n: int = 0
    started: float = 0.0
    # a merge (Store.merging): all or nothing, never committed before its end
    atomic: bool = False
    failed: bool = False  # a write of the merge failed: it is not committed, even if the error was caught
    # ids of the articles written in this transaction whose text is not in the search indexes
    # yet (a backend with ``defer_index``): indexed together just before the commit
    unindexed: dict[str, None] = field(default_factory=dict)


class Store(Reading):
    """Where analysed articles live. Writes go through one writer; reads may be many."""

    placeholder = "?"
    readonly = False
    # Whether, inside a batch, articles are added to the full-text and name indexes together
    # just before each commit (``_index_texts``) rather than one by one in their own writes.
    # SQLite: FTS5 writes its buffered terms out as a new segment at every SAVEPOINT once it has
    # joined a transaction, so indexing inside each write's savepoint cost a segment (and its
    # merging) per article; indexed at the flush, a batch makes one (docs/benchmarks.md, round 7).
    defer_index = False

    # --- backend hooks -------------------------------------------------------------------
    @abstractmethod
    def _connect(self) -> Any: ...

    @abstractmethod
    def _index_text(self, cur: Any, article_id: str, title: str, text: str) -> None:
        """Add one article (its rows already written) to the full-text and name indexes."""

    def _index_texts(self, cur: Any, article_ids: list[str]) -> None:
        """Add stored articles (rows written, not yet indexed) to the indexes (``defer_index``)."""
        for article_id in article_ids:
            cur.execute(self.q("SELECT title, text FROM articles WHERE id = ?"), (article_id,))
            for title, text in cur.fetchall():
                self._index_text(cur, article_id, title or "", text)

    @abstractmethod
    def _unindex_text(self, cur: Any, article_id: str) -> None: ...

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _begin(self) -> Any:
        return self.conn.cursor()

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One write transaction: a cursor, committed at the end, rolled back on any error.
        Inside :meth:`batch`, the commit waits for the batch's next flush."""
        if self.readonly:
            raise PermissionError("this store was opened read-only")
        b = self._batch
        if b is not None:
            if b.cur is None:  # the first write of a batch opens its transaction
                b.cur, b.n, b.started = self._begin(), 0, time.monotonic()
            cur = b.cur
            # each write is a savepoint inside the batch's transaction: a failing write takes
            # back only its own rows; the batch's earlier writes are committed, never lost
            cur.execute("SAVEPOINT vaarta_write")
            try:
                yield cur
            except BaseException as own:
                if b.atomic:  # Store.merging rolls the whole transaction back (nothing of it may commit)
                    b.failed = True
                    cur.execute("ROLLBACK TO SAVEPOINT vaarta_write")
                    raise
                earlier = b.n  # the batch's writes before this one, committed now
                try:
                    cur.execute("ROLLBACK TO SAVEPOINT vaarta_write")
                    cur.execute("RELEASE SAVEPOINT vaarta_write")
                    self._end_batch(commit=True)
                except BaseException as e:  # the connection itself failed: nothing more can be kept
                    self._end_batch(commit=False)
                    if earlier:
                        raise StoreError(
                            f"a write failed ({own}) and the {earlier} earlier article(s) of its batch could not be"
                            f" committed either ({e}): they are not stored; run the ingest again once the cause is fixed"
                        ) from own
                raise
            cur.execute("RELEASE SAVEPOINT vaarta_write")
            b.n += 1
            if b.n >= b.articles or time.monotonic() - b.started >= b.seconds:
                self._end_batch(commit=True)
            return
        cur = self._begin()
        try:
            yield cur
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise
        finally:
            cur.close()

    _batch: _Batch | None = None

    @contextmanager
    def batch(self, articles: int = BATCH_ARTICLES, seconds: float = BATCH_SECONDS) -> Iterator[None]:
        """Group writes: one transaction per ``articles`` writes (or ``seconds``), not per write.

        A process killed inside a batch loses at most the writes since the last flush (the
        database stays consistent; ingesting again stores them). An error in a write takes
        back that write's rows only (a savepoint), commits the batch's earlier writes and is
        raised. Nested batches join the outer one.
        """
        if self._batch is not None:
            yield
            return
        self._batch = _Batch(articles, seconds)
        try:
            yield
        finally:
            self._end_batch(commit=True)
            self._batch = None

    def _end_batch(self, *, commit: bool) -> None:
        b = self._batch
        if b is None or b.cur is None:
            return
        cur, b.cur = b.cur, None
        try:
            if commit:
                try:
                    self._index_deferred(cur)
                except BaseException:  # never commit rows without their index entries
                    self.conn.rollback()
                    raise
                self.conn.commit()
            else:
                self.conn.rollback()
        finally:
            b.unindexed.clear()
            cur.close()

    def _index_deferred(self, cur: Any = None) -> None:
        """Index the batch's articles written but not yet indexed (before a commit, or before a
        search inside the batch, so the writer finds its own writes as it did)."""
        b = self._batch
        if b is None or not b.unindexed:
            return
        ids = list(b.unindexed)
        self._index_texts(cur if cur is not None else b.cur, ids)
        b.unindexed.clear()

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

    def put(
        self,
        record: Record,
        *,
        signature: Sequence[int] | None = None,
        bands: Sequence[str] = (),
        signature_scheme: int = 1,
    ) -> None:
        """Write one analysed article (replacing any earlier version) in one transaction (or in
        the current :meth:`batch`). ``signature_scheme`` says how ``signature`` was made."""
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
                cur.execute(
                    self.q("INSERT INTO signatures (article_id, sig, scheme) VALUES (?,?,?)"),
                    (d.id, _ints_json(signature), signature_scheme),
                )
            if bands:
                cur.executemany(
                    self.q("INSERT INTO lsh_bands (band, hash, article_id) VALUES (?,?,?)"),
                    [(b, h, d.id) for b, h in enumerate(bands)],
                )
            cur.execute(self.q("DELETE FROM rejections WHERE source = ?"), (d.source,))
            # not merged across articles yet (crossdoc_store): cleared by merge_done after the merge
            self._mark_pending(cur, d.id)
            b = self._batch
            if b is not None and self.defer_index:
                # indexed at the batch's next flush (``_index_deferred``); marked last, so a
                # write that fails before this line leaves the mark as it was
                b.unindexed[d.id] = None
            else:
                self._index_text(cur, d.id, d.title or "", d.text)

    def _may_exist(self, cur: Any, article_id: str) -> bool:
        """Whether ``put`` must first delete an earlier version (a backend that can ask cheaply
        inside the write transaction says False for a new article: a dozen DELETEs saved)."""
        return True

    def _delete_rows(self, cur: Any, article_id: str) -> None:
        b = self._batch
        if b is None or article_id not in b.unindexed:  # (an unindexed one has nothing to take out)
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
            # what it took part in across articles is stale until a merge runs (crossdoc_store)
            self._mark_pending(cur, article_id)

    def _mark_pending(self, cur: Any, article_id: str) -> None:
        """Mark an article as not merged across articles yet, bumping its mark's token: a merge that
        read the mark before this write does not clear it (``merge_done`` with tokens)."""
        cur.execute(
            self.q(
                "INSERT INTO pending_merge (article_id, token) VALUES (?, 0)"
                " ON CONFLICT (article_id) DO UPDATE SET token = pending_merge.token + 1"
            ),
            (article_id,),
        )

    def merge_pending(self) -> bool:
        """Whether articles were stored and not merged across articles since (an ingest that stopped
        before its merge, or a store from before the ``pending_merge`` migration)."""
        return self.scalar("SELECT 1 FROM pending_merge LIMIT 1") is not None

    def pending_articles(self) -> list[str]:
        """The ids marked pending (``*``: a store written before the ``pending_merge`` migration)."""
        return list(self.pending_tokens())

    def pending_tokens(self, article_ids: Sequence[str] | None = None) -> dict[str, int]:
        """The pending marks (of ``article_ids``, or all) with their tokens: read at the start of a
        merge and given to :meth:`merge_done` at its end."""
        if article_ids is None:
            return {r["article_id"]: r["token"] for r in self.rows("SELECT article_id, token FROM pending_merge")}
        ids, out = list(dict.fromkeys(article_ids)), {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT article_id, token FROM pending_merge WHERE article_id IN ({','.join('?' * len(chunk))})"
            out.update({r["article_id"]: r["token"] for r in self.rows(q, chunk)})
        return out

    def merge_done(self, article_ids: Sequence[str] | Mapping[str, int]) -> None:
        """These articles are merged: forget their pending marks (another writer's stay). Given the
        tokens :meth:`pending_tokens` read before the merge, a mark is forgotten only if its token is
        unchanged: a version stored while the merge ran (another process's put) stays pending."""
        with self._write() as cur:
            if isinstance(article_ids, Mapping):
                cur.executemany(self.q("DELETE FROM pending_merge WHERE article_id = ? AND token = ?"), list(article_ids.items()))
                return
            ids = list(article_ids)
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                cur.execute(self.q(f"DELETE FROM pending_merge WHERE article_id IN ({','.join('?' * len(chunk))})"), chunk)

    @contextmanager
    def merging(self) -> Iterator[None]:
        """One transaction around a whole merge across articles, holding the store's merge lock.

        What the merge reads is read inside the lock, so a second process merging into the same
        database waits and then reads what the first one wrote: two ingests at once end as they
        would one after the other (SQLite: the write lock, ``BEGIN IMMEDIATE``; PostgreSQL: a
        transaction-level advisory lock). All or nothing: an error rolls the whole merge back and
        the articles stay pending, so the next ingest merges them."""
        if self.readonly:
            raise PermissionError("this store was opened read-only")
        if self._batch is not None:
            raise RuntimeError("a merge cannot run inside a batch of writes: end the batch first")
        self.conn.rollback()  # end a read transaction left open (PostgreSQL): the lock comes first
        cur = self._begin()
        b = self._batch = _Batch(sys.maxsize, math.inf, cur=cur, started=time.monotonic(), atomic=True)
        try:
            self._lock_merge(cur)
            yield
            if b.failed:
                raise StoreError("a write of the merge across articles failed: nothing of the merge is kept")
            self._index_deferred(cur)
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise
        finally:
            self._batch = None
            cur.close()

    def _lock_merge(self, cur: Any) -> None:
        """Take the merge lock for the transaction of ``cur`` (SQLite's ``BEGIN IMMEDIATE`` in
        :meth:`_begin` already holds the database's write lock)."""

    def replace_clusters(
        self,
        clusters: Sequence[dict[str, Any]],
        *,
        types: Sequence[str] | None = None,
        dates: Sequence[str] | None = None,
        blocks: Sequence[str] | None = None,
    ) -> None:
        """Replace the merged events (all of them, or those of ``types``; with ``dates``, only those
        dated one of them; with ``blocks``, only those of these windows) in one transaction."""
        with self._write() as cur:
            if types is None:
                cur.execute("DELETE FROM cluster_members")
                cur.execute("DELETE FROM clusters")
            else:
                on_dates = f" AND date IN ({','.join('?' * len(dates))})" if dates else ""
                if blocks:
                    on_dates += f" AND block IN ({','.join('?' * len(blocks))})"
                for t in types:
                    if (dates is not None and not dates) or (blocks is not None and not blocks):
                        continue
                    args = (t, *(dates or ()), *(blocks or ()))
                    cur.execute(
                        self.q(
                            f"DELETE FROM cluster_members WHERE cluster_id IN (SELECT id FROM clusters WHERE type = ?{on_dates})"
                        ),
                        args,
                    )
                    cur.execute(self.q(f"DELETE FROM clusters WHERE type = ?{on_dates}"), args)
            if not clusters:
                return
            # all clusters, then all members, each in one executemany (rows in the same order)
            cur.executemany(
                self.q(
                    "INSERT INTO clusters (id, type, participants, date, location, reason, contradictions, n_articles, block)"
                    " VALUES (?,?,?,?,?,?,?,?,?)"
                ),
                [
                    (
                        c["id"],
                        c["type"],
                        json.dumps(c["participants"], ensure_ascii=False),
                        c.get("date"),
                        c.get("location"),
                        c.get("reason", ""),
                        json.dumps(c.get("contradictions", []), ensure_ascii=False),
                        len(set(c["articles"])),
                        c.get("block"),
                    )
                    for c in clusters
                ],
            )
            members = [(c["id"], art, idx) for c in clusters for art, idx in c["reports"]]
            if members:
                cur.executemany(self.q("INSERT INTO cluster_members (cluster_id, article_id, idx) VALUES (?,?,?)"), members)

    def stale_signatures(self, scheme: int) -> list[str]:
        """Ids of articles whose stored copy signature was made by another scheme."""
        return [
            r["article_id"]
            for r in self.rows("SELECT article_id FROM signatures WHERE scheme <> ? ORDER BY article_id", (scheme,))
        ]

    def resign(self, article_id: str, signature: Sequence[int], bands: Sequence[str], scheme: int) -> None:
        """Replace one article's copy signature and LSH bands (made by ``scheme``)."""
        with self._write() as cur:
            cur.execute(self.q("DELETE FROM signatures WHERE article_id = ?"), (article_id,))
            cur.execute(self.q("DELETE FROM lsh_bands WHERE article_id = ?"), (article_id,))
            cur.execute(
                self.q("INSERT INTO signatures (article_id, sig, scheme) VALUES (?,?,?)"),
                (article_id, _ints_json(signature), scheme),
            )
            cur.executemany(
                self.q("INSERT INTO lsh_bands (band, hash, article_id) VALUES (?,?,?)"),
                [(b, h, article_id) for b, h in enumerate(bands)],
            )


def _ints_json(values: Sequence[int]) -> str:
    """``json.dumps(list(values))`` for ints, written out (no encoder per call; the same text)."""
    return "[" + ", ".join(map(str, map(int, values))) + "]"
