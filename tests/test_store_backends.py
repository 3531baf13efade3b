"""The Store interface on every backend: SQLite always, PostgreSQL when VAARTA_TEST_PG is a
postgresql:// URL (.ci/start-postgres.sh prints one). Same records in, same answers out."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from vaarta.model import Record, Span, TimeExpr
from vaarta.segment import make_document
from vaarta.store import Store, open_store

from web_fixtures import hand_records

PG = os.environ.get("VAARTA_TEST_PG", "")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(
                not PG.startswith(("postgresql://", "postgres://")),
                reason="set VAARTA_TEST_PG=postgresql://… (see .ci/start-postgres.sh)",
            ),
        ],
    ),
]

WORDS = [
    "भारत और जापान के संबंधों पर चर्चा हुई।",
    "दोनों देशों के प्रधानमंत्रियों ने बातचीत की और नए समझौते पर हस्ताक्षर किए।",
    "बिहार में बाढ़ से 12 लोगों की मौत हो गई।",
]


def _pg_url_in_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=" + quote(f"-csearch_path={schema},public")


@pytest.fixture
def backend_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of the requested backend (PostgreSQL: a throw-away schema)."""
    if request.param == "sqlite":
        yield str(tmp_path / "b.db")
        return
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield _pg_url_in_schema(PG, schema)
    finally:
        with psycopg.connect(PG, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _filled(db: str) -> Store:
    store = open_store(db)
    for r in hand_records():
        store.put(r)
    for i, t in enumerate(WORDS):
        doc = make_document(t, published=f"2026-02-0{i + 1}", id=f"w{i}", title=f"शीर्षक {i}")
        store.put(Record(document=doc, times=(TimeExpr(0, 4, t[:4], None, None, "test"),)))
    return store


per_backend = pytest.mark.parametrize("backend_db", BACKENDS, indirect=True)


@per_backend
def test_round_trip_and_replace(backend_db: str) -> None:
    with _filled(backend_db) as s:
        rec = hand_records()[0]
        assert s.get("hr-call") == json.loads(json.dumps(rec.to_json(), ensure_ascii=False))
        before = s.counts()
        s.put(rec)  # writing again replaces, never doubles
        assert s.counts() == before
        assert all(type(v) is int for v in before.values())
        assert before["articles"] == 6 and before["events"] == 3 and before["quotes"] == 1
        assert s.get("nope") is None
        assert s.raw("hr-call") == rec.document.raw


@per_backend
def test_fulltext_keeps_hindi_words_whole(backend_db: str) -> None:
    with _filled(backend_db) as s:
        assert {r["id"] for r in s.search("संबंधों")} == {"w0", "hr-berlin"}
        assert {r["id"] for r in s.search("बाढ़ मौत")} == {"w2"}
        assert s.search("बंध") == []  # a piece of a word is not a word
        assert s.search("<>") == []
        hit = s.search("बाढ़")[0]
        assert "बाढ़" in hit["snippet"]


@per_backend
def test_events_by_type_participant_alias_date_status(backend_db: str) -> None:
    with _filled(backend_db) as s:
        assert len(s.list_events(type="CONSULT")) == 3
        by_en = s.list_events(participant="Vladimir Putin")
        by_hi = s.list_events(participant="व्लादिमीर पुतिन")
        by_short = s.list_events(participant="पुतिन")
        assert [e["article_id"] for e in by_en] == [e["article_id"] for e in by_hi] == [e["article_id"] for e in by_short]
        assert {e["article_id"] for e in by_en} == {"hr-call", "hr-plan"}
        assert [e["article_id"] for e in s.list_events(status="planned")] == ["hr-plan"]
        assert [e["article_id"] for e in s.list_events(mode="phone")] == ["hr-call"]
        march = s.list_events(date_from="2026-03-01", date_to="2026-03-31")
        assert [e["article_id"] for e in march] == ["hr-berlin", "hr-call"]  # newest first
        assert march[0]["recipients"] == ["Friedrich Merz"] and march[0]["evidence"] == [[0, 75]]


@per_backend
def test_entities_timeline_network(backend_db: str) -> None:
    with _filled(backend_db) as s:
        ent = s.entity("मोदी")
        assert ent is not None and ent["name"] == "Narendra Modi" and ent["n_articles"] == 3
        assert {"मोदी", "नरेंद्र मोदी", "Narendra Modi"} <= set(ent["aliases"])
        assert {o["name"] for o in ent["co_mentioned"]} >= {"Vladimir Putin", "Friedrich Merz", "Berlin"}
        assert {n["name"]: n["n"] for n in s.network("Narendra Modi")} == {"Vladimir Putin": 2, "Friedrich Merz": 1}
        tl = s.timeline("Narendra Modi", "पुतिन")
        assert [e["article_id"] for e in tl] == ["hr-call", "hr-plan"]  # date order
        found = s.find_entities("मैर्त्स")
        assert [f["name"] for f in found] == ["Friedrich Merz"]
        assert s.entity("कोई नहीं") is None


@per_backend
def test_clusters_round_trip(backend_db: str) -> None:
    with _filled(backend_db) as s:
        s.replace_clusters(
            [
                {
                    "id": "e-1",
                    "type": "CONSULT",
                    "participants": ["Narendra Modi", "Vladimir Putin"],
                    "date": "2026-03-04",
                    "reason": "test",
                    "articles": ["hr-call", "hr-plan"],
                    "reports": [["hr-call", 0], ["hr-plan", 0]],
                }
            ]
        )
        (c,) = s.clusters()
        assert c["articles"] == ["hr-call", "hr-plan"] and c["participants"] == ["Narendra Modi", "Vladimir Putin"]
        assert s.counts()["merged_events"] == 1


@per_backend
def test_readonly_refuses_writes(backend_db: str) -> None:
    _filled(backend_db).close()
    with open_store(backend_db, readonly=True) as s:
        with pytest.raises(PermissionError):
            s.put(hand_records()[0])
        assert s.counts()["articles"] == 6


def _answers(s: Store) -> dict[str, Any]:
    return {
        "articles": s.list_articles(limit=500),
        "articles_words": s.list_articles(words="मोदी"),
        "events": s.list_events(limit=500),
        "entity": s.entity("Vladimir Putin"),
        "find": s.find_entities("पुतिन"),
        "counts": s.counts(),
        "records": list(s.iter_records()),
        "search": sorted(r["id"] for r in s.search("मुलाकात")),
        "evidence": [Span(*e["evidence"][0]) for e in s.list_events()],
    }


@pytest.mark.postgres
def test_postgres_answers_like_sqlite(tmp_path: Path) -> None:
    if not PG.startswith(("postgresql://", "postgres://")):
        pytest.skip("set VAARTA_TEST_PG=postgresql://… (see .ci/start-postgres.sh)")
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    try:
        with _filled(str(tmp_path / "lite.db")) as lite, _filled(_pg_url_in_schema(PG, schema)) as pg:
            assert _answers(pg) == _answers(lite)
    finally:
        with psycopg.connect(PG, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


@per_backend
def test_batches_and_re_signing_work_on_every_backend(backend_db: str) -> None:
    from vaarta import dedup
    from vaarta.ingest import _copy_finder

    story = "जयपुर में शुक्रवार रात तेज बारिश के बाद पुराने शहर के तीन जर्जर मकान गिर गए और दो लोग घायल हुए। नगर निगम ने सर्वे का आदेश दिया।"
    with open_store(backend_db) as s:
        with s.batch(articles=2):
            for i, t in enumerate(WORDS):
                s.put(Record(document=make_document(t, published="2026-02-01", id=f"w{i}")))
            assert s.counts()["articles"] == len(WORDS)  # the writer sees its own unflushed writes
        old = Record(document=make_document(story, published="2026-02-01", id="a"))
        s.put(old, signature=[99, *range(dedup.NUM_PERM)], bands=["x"] * 64, signature_scheme=1)
        with s.batch():
            copy = Record(document=make_document(story + " सभी अधिकार सुरक्षित।", published="2026-02-02", id="b"))
            sig, bands, dup = _copy_finder()(s, copy)
            s.put(copy, signature=sig, bands=bands, signature_scheme=dedup.SIGNATURE_SCHEME)
        assert dup == "a" and s.stale_signatures(dedup.SIGNATURE_SCHEME) == []
    with open_store(backend_db) as s:  # all of it committed
        assert s.counts()["articles"] == len(WORDS) + 2


@per_backend
def test_a_failing_write_in_a_batch_loses_only_itself(backend_db: str) -> None:
    with open_store(backend_db) as s:
        try:
            with s.batch(articles=10):
                s.put(Record(document=make_document(WORDS[0], published="2026-02-01", id="kept")))
                with s._write() as cur:  # half a write, then a failure
                    cur.execute(s.q("DELETE FROM articles WHERE id = ?"), ("kept",))
                    raise RuntimeError("disk full")
        except RuntimeError:
            pass
    with open_store(backend_db) as s:  # the earlier write of the batch is committed, whole
        assert s.has("kept") and s.counts()["articles"] == 1


@per_backend
def test_statements_merge_on_every_backend(backend_db: str) -> None:
    """Quotes of one speaker in two articles of one day become one STATEMENT cluster whose
    members carry the quoted words (crossdoc_statements), the same on both backends."""
    from test_statements import PUB, _articles
    from vaarta.ingest import ingest_articles

    with open_store(backend_db) as s:
        summary = ingest_articles(_articles(), s)
        assert (summary.merged_events, summary.merged_statements) == (1, 2)
        (lav,) = [c for c in s.clusters(kind="statements") if c["participants"] == ["Lav Agarwal"]]
        assert lav["articles"] == ["a", "b"] and lav["date"] == PUB and lav["id"].startswith("s-")
        assert "घबराने की जरूरत नहीं" in {m["article_id"]: m["words"] for m in lav["reports"]}["b"][0]
        assert s.counts()["merged_statements"] == 2
