"""Reading a store: records, lists, entities, events, clusters (SQL shared by both backends)."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from ..crossdoc_figures import sentence_around
from .tables import MAX_PAGE, _decoded, _unpack

# kinds of merged clusters other than typed events: the cluster type each names
CLUSTER_KINDS = {"statements": "STATEMENT", "figures": "FIGURE"}


class Reading(ABC):
    """The read side of :class:`vaarta.store.base.Store`; a backend supplies the connection,
    its placeholder style and full-text search."""

    placeholder = "?"

    @abstractmethod
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose text contains the words of ``query`` (whole Hindi words)."""

    @abstractmethod
    def alias_candidates(self, name: str, limit: int = 20) -> list[str]:
        """Stored entity names whose aliases look like ``name`` (substring/trigram)."""

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
            **self.merged_counts(),
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

    def article_texts(self, article_ids: Sequence[str], chunk: int = 500) -> Iterator[tuple[str, str]]:
        """``(id, cleaned text)`` of the given articles, read ``chunk`` at a time."""
        ids = list(dict.fromkeys(article_ids))
        for i in range(0, len(ids), chunk):
            part = ids[i : i + chunk]
            for r in self.rows(f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(part))})", part):
                yield r["id"], r["text"]

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

    def merged_counts(self) -> dict[str, int]:
        """Events merged across articles, statements quoted by several articles and figures given by
        several articles (clusters of two or more articles; the store keeps no others)."""
        n = {
            r["kind"]: int(r["n"])
            for r in self.rows(
                "SELECT CASE type WHEN 'STATEMENT' THEN 'merged_statements' WHEN 'FIGURE' THEN 'merged_figures'"
                " ELSE 'merged_events' END AS kind, COUNT(*) AS n FROM clusters WHERE n_articles > 1 GROUP BY 1"
            )
        }
        return {k: n.get(k, 0) for k in ("merged_events", "merged_statements", "merged_figures")}

    def clusters_without_window(self, cluster_type: str) -> bool:
        """Whether merged clusters of a type are stored without their window (before migration
        ``cluster_window``): such a type is merged whole, not window by window."""
        return bool(self.scalar("SELECT 1 FROM clusters WHERE type = ? AND block IS NULL LIMIT 1", (cluster_type,)))

    def merged_kinds(self, article_id: str) -> set[str]:
        """What the stored version of an article takes part in across articles: its event types,
        and ``STATEMENT`` when it quotes a named speaker (re-merged when it is replaced)."""
        kinds = {r["type"] for r in self.rows("SELECT DISTINCT type FROM events WHERE article_id = ?", (article_id,))}
        if self.scalar("SELECT 1 FROM quotes WHERE article_id = ? AND speaker IS NOT NULL LIMIT 1", (article_id,)):
            kinds.add("STATEMENT")
        if self.scalar(
            "SELECT 1 FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id WHERE m.article_id = ? AND c.type = 'FIGURE'"
            " LIMIT 1",
            (article_id,),
        ):
            kinds.add("FIGURE")
        return kinds

    def day_texts(self, days: Sequence[str] | None = None, chunk: int = 500) -> Iterator[dict[str, Any]]:
        """The stored articles published on ``days`` (all, when None), ``chunk`` texts at a time: id,
        published, source, duplicate_of and text (input to merging figures across articles)."""
        if days is not None and not days:
            return
        # one range per day, so the published index serves it (substr() would read every row)
        on_days, args = "", []
        if days is not None:
            on_days = " AND (" + " OR ".join("(published >= ? AND published < ?)" for _ in days) + ")"
            args = [x for d in days for x in (d, _next_day(d))]
        after = ""
        while True:
            page = self.rows(
                f"SELECT id, published, source, duplicate_of, text FROM articles WHERE id > ?{on_days} ORDER BY id LIMIT ?",
                (after, *args, chunk),
            )
            yield from page
            if len(page) < chunk:
                return
            after = page[-1]["id"]

    def quote_reports(self, days: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Every stored quote with a speaker (of articles published on ``days``, when given), with its
        words, the speaker's entity type in its article and the article's date, source and copy link
        (input to merging statements across articles)."""
        where = "q.speaker IS NOT NULL"
        if days is not None:
            if not days:
                return []
            where += f" AND substr(a.published, 1, 10) IN ({','.join('?' * len(days))})"
        return self.rows(
            "SELECT q.article_id, q.idx, q.speaker, q.span_start, q.span_end, a.published, a.source, a.duplicate_of,"
            " substr(a.text, q.span_start + 1, q.span_end - q.span_start) AS words,"
            " (SELECT MIN(e.type) FROM entities e WHERE e.article_id = q.article_id AND e.name = q.speaker) AS speaker_type"
            f" FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where} ORDER BY q.article_id, q.idx",
            tuple(days or ()),
        )

    def clusters(
        self, *, min_articles: int = 2, limit: int = MAX_PAGE, offset: int = 0, kind: str | None = None
    ) -> list[dict[str, Any]]:
        """Merged clusters, newest first: ``kind`` "events" (typed events), "statements" (one
        speaker quoted by several articles on one day; each member carries the quoted ``words``),
        "figures" (one exact figure given by several articles on one day; each member carries the
        sentence it is given in as ``words``) or None (all)."""
        where = "n_articles >= ?"
        if kind == "events":
            where += " AND type NOT IN ('STATEMENT', 'FIGURE')"
        elif kind in CLUSTER_KINDS:
            where += f" AND type = '{CLUSTER_KINDS[kind]}'"  # a fixed string
        elif kind is not None:
            raise ValueError(f"unknown kind of cluster: {kind!r} (events, statements, figures)")
        rows = _decoded(
            self.rows(
                "SELECT id, type, participants, date, location, reason, contradictions, n_articles FROM clusters"
                f" WHERE {where} ORDER BY date DESC, id LIMIT ? OFFSET ?",
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
        speakers = {r["id"]: r["participants"][0] for r in rows if r["type"] == "STATEMENT" and r["participants"]}
        if speakers:  # a statement's members: every passage its speaker is quoted with, per article
            said = self._quoted({(m["article_id"], speakers[cid]) for cid in speakers for m in reports[cid]})
            for cid, speaker in speakers.items():
                for m in reports[cid]:
                    m["words"] = said.get((m["article_id"], speaker), [])
        figures = [m for r in rows if r["type"] == "FIGURE" for m in reports[r["id"]]]
        if figures:  # a figure's members: the sentence of the article it is given in
            texts = dict(self.article_texts(sorted({m["article_id"] for m in figures})))
            for m in figures:
                text = texts.get(m["article_id"], "")
                span = sentence_around(text, m["idx"], m["idx"] + 1)
                m["words"] = [text[span.start : span.end]]
        for r in rows:
            r["reports"] = reports[r["id"]]
            r["articles"] = sorted({m["article_id"] for m in r["reports"]})
        return rows

    def _quoted(self, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
        """(article, speaker) → the passages the article quotes the speaker with, in text order."""
        out: dict[tuple[str, str], list[str]] = {}
        arts = sorted({a for a, _ in pairs})
        for i in range(0, len(arts), MAX_PAGE):
            part = arts[i : i + MAX_PAGE]
            for q in self.rows(
                "SELECT q.article_id, q.speaker, substr(a.text, q.span_start + 1, q.span_end - q.span_start) AS words"
                f" FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.article_id IN ({','.join('?' * len(part))})"
                " AND q.speaker IS NOT NULL ORDER BY q.article_id, q.idx",
                part,
            ):
                if (q["article_id"], q["speaker"]) in pairs:
                    out.setdefault((q["article_id"], q["speaker"]), []).append(q["words"])
        return out

    def rejections(self, limit: int = MAX_PAGE) -> list[dict[str, Any]]:
        return self.rows("SELECT source, reason, detail FROM rejections ORDER BY source LIMIT ?", (limit,))

    def signatures_for(self, bands: Sequence[str]) -> list[tuple[str, list[int]]]:
        """Stored MinHash signatures of articles sharing any LSH band hash (copy candidates)."""
        if not bands:
            return []
        params = [x for band in enumerate(bands) for x in band]  # band, hash, band, hash, …
        cur = self.conn.cursor()
        cur.execute(self.q(_candidates_sql(len(bands))), params)
        out = [(article_id, json.loads(sig)) for article_id, sig in cur.fetchall()]
        cur.close()
        return out


@lru_cache(maxsize=8)
def _candidates_sql(n_bands: int) -> str:
    """The copy-candidate query for ``n_bands`` band keys (made once per length)."""
    cond = " OR ".join("(band = ? AND hash = ?)" for _ in range(n_bands))
    return f"SELECT DISTINCT s.article_id, s.sig FROM lsh_bands l JOIN signatures s ON s.article_id = l.article_id WHERE {cond}"


def _next_day(day: str) -> str:
    """The day after an ISO day (``2020-04-30`` → ``2020-05-01``); a published value of that day sorts
    at or after ``day`` and before this."""
    import datetime as dt

    return (dt.date.fromisoformat(day[:10]) + dt.timedelta(days=1)).isoformat()
