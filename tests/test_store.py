"""The SQLite store on a real file: round trips, idempotent ingest, Hindi full-text search."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaarta.ingest import ingest
from vaarta.model import Entity, Event, Mention, Quote, Record, Span, TimeExpr
from vaarta.segment import make_document
from vaarta.store import open_store

BODY = [
    "भारत और जापान के प्रधानमंत्रियों ने सोमवार को वीडियो कॉन्फ्रेंसिंग के जरिए बातचीत की।",
    "दोनों देशों के संबंधों पर चर्चा हुई और नए समझौते पर हस्ताक्षर किए गए।",
    "बिहार में बाढ़ से 12 लोगों की मौत हो गई और 30 लोग घायल हुए।",
]

hindi = st.text(alphabet=st.sampled_from(list("कखगघचजटडतदनपबमयरलवशसह ािीुूेैोौं्।")), min_size=1, max_size=60)


def _record(text: str, i: int = 0) -> Record:
    doc = make_document(text, published="2026-03-1" + str(i % 10), id=f"r{i}")
    m = Mention(0, min(3, len(text)), text[: min(3, len(text))])
    ent = Entity(name="Japan", name_hi="जापान", type="LOC", kb_id="Q17", confidence=0.9, mentions=(m,))
    ev = Event(type="CONSULT", status="occurred", actors=("Japan",), recipients=(), evidence=(Span(0, len(text)),), mode="video")
    return Record(
        document=doc,
        entities=(ent,),
        events=(ev,),
        quotes=(Quote("Japan", 0, len(text), True),),
        times=(TimeExpr(0, 1, text[:1], "2026-03-14", "day"),),
    )


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(hindi)
def test_store_round_trips_any_record(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("rt") / "rt.db"
    rec = _record(text)
    with open_store(str(path)) as s:
        s.put(rec)
        assert s.get("r0") == json.loads(json.dumps(rec.to_json(), ensure_ascii=False))
        s.put(rec)  # writing again replaces, never doubles
        assert s.counts()["events"] == 1 and s.counts()["articles"] == 1


def test_fulltext_search_matches_whole_hindi_words(db: str) -> None:
    with open_store(db) as s:
        for i, t in enumerate(BODY):
            s.put(_record(t, i))
        hits = {r["id"] for r in s.search("संबंधों")}
        assert hits == {"r1"}
        assert {r["id"] for r in s.search("बाढ़ मौत")} == {"r2"}
        assert s.search("बंध") == []  # not a word of any article: no sub-word hits


def test_ingest_twice_changes_nothing(tmp_path: Path, db: str) -> None:
    for i, t in enumerate(BODY):
        (tmp_path / f"a{i}.txt").write_text(f"शीर्षक {i}\n{t}", encoding="utf-8")
    with open_store(db) as s:
        first = ingest([str(tmp_path)], s)
        snapshot = [json.dumps(r, sort_keys=True) for r in s.iter_records()]
        second = ingest([str(tmp_path)], s)
        assert first.analysed == 3 and second.analysed == 0 and second.already_stored == 3
        assert [json.dumps(r, sort_keys=True) for r in s.iter_records()] == snapshot


def test_bad_file_does_not_stop_the_batch_or_lose_data(tmp_path: Path, db: str) -> None:
    (tmp_path / "a.txt").write_text("शीर्षक\n" + BODY[0], encoding="utf-8")
    with open_store(db) as s:
        ingest([str(tmp_path)], s)
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_text("शीर्षक\n" + BODY[2], encoding="utf-8")
    with open_store(db) as s:
        summary = ingest([str(tmp_path)], s)
        assert summary.analysed == 1 and summary.rejected["binary"] == 1 and summary.already_stored == 1
        assert s.counts()["articles"] == 2
        assert s.rejections()[0]["reason"] == "binary"


def test_killed_ingest_leaves_a_consistent_database(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(150):
        (src / f"{i:03d}.txt").write_text(f"खबर {i}\n{BODY[i % 3]} यह लेख संख्या {i} है।", encoding="utf-8")
    db = str(tmp_path / "k.db")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "vaarta.cli", "ingest", str(src), "--db", db, "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until some articles are stored, then kill it
        time.sleep(0.2)
        try:
            with sqlite3.connect(db) as c:
                if c.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 5:
                    break
        except sqlite3.Error:
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as c:
        n = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        orphans = c.execute("SELECT COUNT(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
        assert orphans == 0 and n < 150
    with open_store(db) as s:
        summary = ingest([str(src)], s)
        assert s.counts()["articles"] == 150
        assert summary.already_stored == n


def test_batch_commits_together_and_a_failing_write_loses_only_itself(tmp_path: Path) -> None:
    db = str(tmp_path / "b.db")
    with open_store(db) as s:
        with s.batch(articles=2):
            s.put(_record(BODY[0], 0))
            s.put(_record(BODY[1], 1))  # the second write flushes the batch
            with sqlite3.connect(db) as other:
                assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
            s.put(_record(BODY[2], 2))
            with sqlite3.connect(db) as other:  # not flushed yet: another reader does not see it
                assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
            assert s.has("r2")  # the writer does
        assert s.counts()["articles"] == 3
        try:
            with s.batch():
                s.put(_record("बाढ़ से गांव डूबे।", 3))
                with s._write() as cur:
                    cur.execute("DELETE FROM articles WHERE id = 'r0'")  # half a write, then a failure
                    raise RuntimeError("disk full")
        except RuntimeError:
            pass
        # the failing write is taken back whole; the batch's earlier write is kept, not lost
        assert s.has("r0") and s.has("r3") and s.counts()["articles"] == 4
    with sqlite3.connect(db) as other:  # and committed
        assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 4


@given(st.lists(st.text(max_size=12), max_size=5))
def test_event_name_lists_are_the_json_the_encoder_writes(names: list[str]) -> None:
    from vaarta.store.tables import _names_json

    assert _names_json(names) == json.dumps(names, ensure_ascii=False)
    assert _names_json(tuple(names)) == json.dumps(names, ensure_ascii=False)


def test_event_rows_hold_the_encoder_json_of_parties_and_evidence() -> None:
    from vaarta.store.tables import _rows_of

    doc = make_document('भारत ने "नेपाल" से बातचीत की। फिर दोनों मिले।', published="2020-03-01", id="t1")
    ev = Event(
        type="CONSULT",
        status="occurred",
        actors=("भारत", 'नेपाल "x"'),
        recipients=(),
        evidence=(Span(0, 30), Span(31, 44)),
    )
    row = _rows_of(Record(document=doc, entities=(), times=(), events=(ev,), quotes=(), flags=()))["events"][0]
    assert row[10:13] == (
        json.dumps(list(ev.actors), ensure_ascii=False),
        json.dumps([]),
        json.dumps([[0, 30], [31, 44]]),
    )
