"""Round 7 of the speed work (issue 5): each shortcut gives what the code it replaced gave.

The store indexes a batch's articles together before the commit (FTS5 wrote a segment at
every savepoint), keeps the trigram name index over distinct aliases, and the copy finder,
cleaning and normalisation take cheaper paths to the same values.
"""

import json
import random
import sqlite3
import unicodedata
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from vaarta import clean, dedup
from vaarta import normalize as norm
from vaarta.model import Entity, Mention, Record
from vaarta.segment import make_document
from vaarta.store import open_store
from vaarta.store.base import _ints_json
from vaarta.store.sqlite import MIGRATIONS

TEXTS = [
    "भारत और जापान के प्रधानमंत्रियों ने सोमवार को वीडियो कॉन्फ्रेंसिंग के जरिए बातचीत की।",
    "दोनों देशों के संबंधों पर चर्चा हुई और नए समझौते पर हस्ताक्षर किए गए।",
    "बिहार में बाढ़ से 12 लोगों की मौत हो गई और 30 लोग घायल हुए।",
    "दिल्ली में कोरोना के नए मामले सामने आए और अस्पतालों में भीड़ रही।",
]


def _record(text: str, i: int, name: str = "Japan", alias: str = "जापान") -> Record:
    doc = make_document(text, published="2026-03-1" + str(i % 10), id=f"r{i}", title=f"शीर्षक {i}")
    m = Mention(0, 3, text[:3])
    ent = Entity(name=name, name_hi=alias, type="LOC", kb_id=None, confidence=0.9, mentions=(m,))
    return Record(document=doc, entities=(ent,))


def _integrity(db: str) -> None:
    """FTS5's own check of both external-content indexes against their tables."""
    with sqlite3.connect(db) as c:
        c.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        c.execute("INSERT INTO forms_trigram (forms_trigram, rank) VALUES ('integrity-check', 1)")


def _answers(db: str) -> list[object]:
    with open_store(db) as s:
        words = ["जापान", "बाढ़", "कोरोना", "शीर्षक", "चर्चा हुई"]
        return [[s.search(w) for w in words], s.alias_candidates("जापा"), s.alias_candidates("ल्ली"), s.names_for("जापान")]


def test_a_batch_indexes_its_articles_before_it_commits(tmp_path: Path) -> None:
    one, batched = str(tmp_path / "one.db"), str(tmp_path / "batched.db")
    with open_store(one) as s:  # one transaction a write: indexed in the write itself
        for i, t in enumerate(TEXTS):
            s.put(_record(t, i, *(("Delhi", "दिल्ली") if i == 3 else ("Japan", "जापान"))))
        s.put(_record(TEXTS[0] + " फिर", 0))  # a replaced article is taken out of the indexes first
    with open_store(batched) as s, s.batch(articles=3):
        s.put(_record(TEXTS[0], 0))
        s.put(_record(TEXTS[0] + " पहले", 0))  # replaced before it was ever indexed
        assert [r["id"] for r in s.search("पहले")] == ["r0"]  # the writer finds its own writes
        s.put(_record(TEXTS[1], 1))  # the third write: the batch is indexed, then committed
        with sqlite3.connect(batched) as other:  # another reader: the rows with their index entries
            n = other.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'पहले'").fetchone()[0]
            assert n == 1
        s.put(_record(TEXTS[2], 2))
        s.put(_record(TEXTS[3], 3, "Delhi", "दिल्ली"))
        try:
            with s._write() as cur:  # a failing write: its rows go; the batch's earlier ones
                cur.execute("DELETE FROM articles WHERE id = 'r3'")  # are indexed and committed
                raise RuntimeError("disk full")
        except RuntimeError:
            pass
        with sqlite3.connect(batched) as other:
            assert other.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'बाढ़'").fetchone()[0] == 1
        s.put(_record(TEXTS[0] + " फिर", 0))  # replaced again, after it was indexed
    _integrity(one)
    _integrity(batched)
    assert _answers(one) == _answers(batched)


def _pre_0004_db(db: str) -> list[str]:
    """A store as the three migrations before 0004 left it; the names its trigram index gave for "जापा"."""
    with sqlite3.connect(db) as c:  # the store as the three earlier migrations left it
        c.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        for name, sql in MIGRATIONS[:3]:
            for stmt in sql.split(";"):
                if stmt.strip():
                    c.execute(stmt)
            c.execute("INSERT INTO migrations VALUES (?, datetime('now'))", (name,))
        rows = [("a1", "जापान", "Japan"), ("a2", "जापान", "Japan"), ("a2", "जापानी", "Japan"), ("a3", "जापानी", "Japanese")]
        for art, alias, name in rows:
            c.execute("INSERT INTO aliases (article_id, alias, name, type) VALUES (?, ?, ?, 'LOC')", (art, alias, name))
        c.execute("INSERT INTO names_trigram (rowid, alias) SELECT rowid, alias FROM aliases")
        old = [r[0] for r in c.execute(
            "SELECT a.name, COUNT(*) AS n FROM names_trigram JOIN aliases a ON a.rowid = names_trigram.rowid"
            " WHERE names_trigram MATCH '\"जापा\"' GROUP BY a.name ORDER BY n DESC"
        )]  # fmt: skip
    return old


def test_alias_forms_migration_keeps_the_name_answers(tmp_path: Path) -> None:
    """A database made before 0004 (trigram index over every alias row) is migrated on opening."""
    db = str(tmp_path / "old.db")
    old = _pre_0004_db(db)
    with open_store(db) as s:
        assert s.alias_candidates("जापा") == old == ["Japan", "Japanese"]
        assert s.scalar("SELECT COUNT(*) FROM alias_forms") == 2
        assert s.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'names_trigram'") == 0
        s.put(_record(TEXTS[0], 9))  # and it takes new articles
        assert "Japan" in s.alias_candidates("जापा")
    _integrity(db)


def test_an_older_database_opened_read_only_is_upgraded_then_read(tmp_path: Path) -> None:
    """`vaarta serve` / `vaarta articles` on a database of an older vaarta: the file is writable,
    so the read-only opening applies the missing migrations first instead of refusing."""
    db = str(tmp_path / "old.db")
    old = _pre_0004_db(db)
    with open_store(db, readonly=True) as s:
        assert s.alias_candidates("जापा") == old
        assert s.scalar("SELECT COUNT(*) FROM migrations") == len(MIGRATIONS)
    _integrity(db)


def test_record_and_signature_json_are_the_encoder_text() -> None:
    from vaarta.store.tables import _pack

    rec = _record(TEXTS[0], 0).to_json()
    assert _pack(rec) == json.dumps({k: v for k, v in rec.items() if k != "text"}, ensure_ascii=False)
    for values in ([], [0], [370, 2**40, 7], list(range(129))):
        assert _ints_json(values) == json.dumps(values)


def test_sorted_unique_and_buffered_minhash_equal_numpy_unique_and_the_outer_product() -> None:
    rng = np.random.default_rng(5)
    for n in (0, 1, 2, 50, 700, dedup._BUFFER_MAX + 10):
        h = rng.integers(0, 2**32, size=n, dtype=np.uint64)
        h[: n // 3] = h[n // 3 : 2 * (n // 3)]  # repeats
        u = dedup._sorted_unique(h)
        assert u.dtype == np.unique(h).dtype and u.tolist() == np.unique(h).tolist()
        if n:
            a, b = dedup._permutations()
            x = u.astype(np.uint32)  # the reference: datasketch's update_batch ("affine32")
            from datasketch import MinHash

            m = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME, permutations=(a, b))
            m.hashfunc = lambda v: v
            m.update_batch(x.tolist())
            assert (dedup._minhash_values(u) == m.hashvalues).all()


def _block_count_reference(text: str) -> int:
    return sum(map(len, clean._DEVANAGARI_BLOCK_RUN.findall(text)))


def test_devanagari_block_count_equals_the_pattern_count() -> None:
    rng = random.Random(3)
    ranges = [(0x900, 0x980), (0, 0x3000), (0xD800, 0xE000), (0x10000, 0x20000)]
    for _ in range(3000):
        text = "".join(chr(rng.randrange(*rng.choice(ranges))) for _ in range(rng.randrange(0, 30)))
        assert clean._devanagari_block_count(text) == _block_count_reference(text), ascii(text)
    for text in [*TEXTS, "।॥॒॑॓॔", "", "abc"]:
        assert clean._devanagari_block_count(text) == _block_count_reference(text)


def test_one_chrome_alternation_matches_where_any_pattern_does() -> None:
    pats = clean._patterns()
    lines = ["ट्रेंडिंग न्यूज़", "Top Headlines", "  Share  ", "लेखक: राम कुमार", "Updated: 12 May 2020", "फॉलो करें हमें"]
    lines += ["भारत में कोरोना के मामले बढ़े।", "Share this story now", "", "By: A B", "TRENDING"]
    for line in lines:
        assert bool(pats.chrome_any(line)) == any(p.match(line) for p in pats.chrome), line
    words = clean._leads("(?:फेसबुक|ट्विटर)[^।]{0,9}(?:फॉलो)")
    assert words == ("फेसबुक", "ट्विटर")
    assert clean._leads("(?:ऐप|एप)?x") is None and clean._leads("(?:a.b|c)x") is None


def test_boilerplate_with_word_prefilter_equals_scanning_every_text() -> None:
    from vaarta.corpora import covid_articles

    from conftest import shared_path

    raws = [a.raw for a in covid_articles(shared_path("data", "covid-hindi-news"))]
    raws += [p.read_text(encoding="utf-8") for p in sorted(shared_path("seeds").glob("*.txt"))]
    fast = clean._patterns()
    slow = replace(fast, promo_leads=tuple(None for _ in fast.promo))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(clean, "_patterns", lambda: slow)
        scanned = [clean.find_boilerplate(raw) for raw in raws]
    assert [clean.find_boilerplate(raw) for raw in raws] == scanned


def _changed_reference(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in norm._CLUSTER.finditer(text) if not unicodedata.is_normalized("NFC", m.group())]


def test_changed_clusters_skip_only_nuktas_nfc_leaves_alone() -> None:
    rng = random.Random(7)
    alphabet = [*"कखनरळडजािीु्ंः ।\n", "\u093c", "\u093c", "\u094d", "\u0958", "\u0929", "\u0931", "\u0934", "\u0301"]
    alphabet += ["\u0334", "\u0951", "\u094d\u093c", "a", "e\u0301", "\u0903", "\u0900", "\u200c"]
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10)))
        assert norm._changed_clusters(text) == _changed_reference(text), ascii(text)
    for text in ["न\u093c", "र\u093c", "ळ\u093c", "ड\u093c", "न\u0334\u093c", "\u093c", "क\u094d\u093c", "न\u093c\u094d"]:
        assert norm._changed_clusters(text) == _changed_reference(text), ascii(text)


def test_a_failed_write_whose_batch_cannot_commit_says_the_earlier_articles_are_not_stored(tmp_path: Path) -> None:
    """A write fails and the flush that should commit the batch's earlier writes fails too
    (the disk is full when their full-text index is written): the error must say so, and an
    ingest run again stores them."""
    from vaarta.errors import StoreError

    db = str(tmp_path / "full.db")
    big = " ".join(f"शब्द{i}क" for i in range(4000))  # many distinct terms: a large index segment
    with open_store(db) as s:
        s.put(_record(TEXTS[1], 99))
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
        s.conn.execute(f"PRAGMA max_page_count={pages + 40}")  # room for the rows, not their index
        with s.batch():
            s.put(_record(big, 0))
            with pytest.raises(StoreError, match=r"1 earlier article\(s\) of its batch could not be committed"), s._write():
                raise RuntimeError("this write's own error")
        s.conn.execute("PRAGMA max_page_count=1073741823")
        assert not s.has(f"{_record(big, 0).document.id}")
        s.put(_record(big, 0))  # stored on the next attempt
        assert s.has(_record(big, 0).document.id) and s.has(_record(TEXTS[1], 99).document.id)
    _integrity(db)


def test_a_read_only_opening_waits_for_a_writer_applying_the_same_migration(tmp_path: Path) -> None:
    """Another process applies 0004 while a read-only command opens the older database: the
    opening waits for the writer's lock, sees the migration applied and reads (no raw
    "table already exists")."""
    import threading
    import time

    from vaarta.store.sqlite import SqliteStore

    db = str(tmp_path / "old.db")
    _pre_0004_db(db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")  # as every vaarta database is
    writer.execute("BEGIN IMMEDIATE")
    result: dict[str, object] = {}

    def reader() -> None:
        try:
            SqliteStore(db, readonly=True).close()
            result["ok"] = True
        except Exception as e:
            result["err"] = e

    t = threading.Thread(target=reader)
    t.start()
    time.sleep(0.5)
    for stmt in MIGRATIONS[3][1].split(";"):
        if stmt.strip():
            writer.execute(stmt)
    writer.execute("INSERT INTO migrations VALUES ('0004_alias_forms', datetime('now'))")
    writer.execute("COMMIT")
    t.join(10)
    writer.close()
    assert result == {"ok": True}, result
    _integrity(db)
