"""Regressions found in a review of the store, ingest and CLI shells (one test per bug)."""

from __future__ import annotations

import importlib
import json
import sqlite3
from pathlib import Path

import pytest

from vaarta.cli import main
from vaarta.errors import StoreError
from vaarta.ingest import ingest
from vaarta.model import Rejection
from vaarta.store import open_store
from vaarta.store.base import MAX_PAGE

from web_fixtures import hand_records

ingest_mod = importlib.import_module("vaarta.ingest")  # the module (``vaarta.ingest`` is also a function)

# Hindi written for these tests.
ARTICLE = (
    "पटना में सोमवार को राज्य सरकार ने नई सड़क परियोजना की घोषणा की। "
    "मुख्यमंत्री ने कहा कि काम अगले महीने शुरू होगा और दो साल में पूरा होगा। "
    "परियोजना से आसपास के गांवों के किसानों को बाजार तक पहुंचने में आसानी होगी।"
)


@pytest.mark.parametrize("content", [b"plain text, not a database " * 10, None], ids=["not-sqlite", "other-sqlite"])
def test_read_only_commands_on_a_file_that_is_no_vaarta_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None
) -> None:
    """Was: a traceback (`file is not a database`, `no such table: articles`) and exit 1."""
    db = tmp_path / "x.db"
    if content is None:  # a SQLite file of some other program
        sqlite3.connect(db).execute("CREATE TABLE other (a)").connection.close()
    else:
        db.write_bytes(content)
    for cmd in (["articles"], ["search", "सड़क"], ["show", "abc"], ["export"], ["events"]):
        assert main([*cmd, "--db", str(db)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in err and str(db) in err
    with pytest.raises(StoreError):
        open_store(str(db), readonly=True)
    from vaarta.web import create_app

    with pytest.raises(StoreError):  # `vaarta serve` refuses before it starts listening
        create_app(str(db))


def test_unreachable_postgres_is_one_line_without_the_password(capsys: pytest.CaptureFixture[str]) -> None:
    """Was: the server's two-line message (a newline and a tab inside the error line)."""
    assert main(["articles", "--db", "postgresql://u:s3cret@127.0.0.1:1/x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "s3cret" not in err and "cannot connect to PostgreSQL" in err


def test_a_read_only_store_refuses_every_write(tmp_path: Path) -> None:
    """Was: only put() checked; reject/set_duplicate/replace_clusters reached the driver."""
    db = str(tmp_path / "r.db")
    with open_store(db) as s:
        s.put(hand_records()[0])
    with open_store(db, readonly=True) as s:
        for write in (
            lambda: s.put(hand_records()[0]),
            lambda: s.reject(Rejection("a.txt", "empty")),
            lambda: s.set_duplicate("hr-call", None),
            lambda: s.replace_clusters([]),
        ):
            with pytest.raises(PermissionError):
                write()


def test_export_writes_every_merged_event_not_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Was: `export --format clusters` stopped silently after the first 500."""
    db = str(tmp_path / "c.db")
    with open_store(db) as s:
        for r in hand_records()[:2]:
            s.put(r)
        a, b = (r.document.id for r in hand_records()[:2])
        n = MAX_PAGE + 7
        s.replace_clusters(
            [
                {"id": f"c{i:04d}", "type": "CONSULT", "participants": ["क"], "articles": [a, b], "reports": [[a, 0], [b, 0]]}
                for i in range(n)
            ]
        )
        assert len(s.clusters()) == MAX_PAGE
    assert main(["export", "--format", "clusters", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == n and len({json.loads(x)["id"] for x in lines}) == n
    assert all(len(json.loads(x)["reports"]) == 2 for x in lines)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_same_article_twice_in_one_run_is_analysed_once_whatever_the_jobs(tmp_path: Path, jobs: int) -> None:
    """Was: with --jobs 2 every input was read and submitted before the first write, so a
    second copy of a file was analysed again (summary and store work differed from --jobs 1)."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(ARTICLE, encoding="utf-8")
    (src / "c.txt").write_text(ARTICLE.replace("पटना", "गया"), encoding="utf-8")
    with open_store(str(tmp_path / "j.db")) as s:
        summary = ingest([str(src)], s, jobs=jobs)
        assert (summary.analysed, summary.already_stored) == (2, 1)
        assert s.counts()["articles"] == 2


def test_parallel_ingest_reads_ahead_a_bounded_window() -> None:
    """Was: Executor.map read every input before yielding the first result (memory ∝ corpus)."""
    from vaarta.model import Article
    from vaarta.pipeline import load_resources

    pulled: list[int] = []

    def articles():  # type: ignore[no-untyped-def]
        for i in range(40):
            pulled.append(i)
            yield Article(id=f"a{i}", source=f"a{i}.txt", raw=ARTICLE)

    it = ingest_mod._analysed(articles(), load_resources(with_ner=False), 2)
    assert next(it) is not None
    assert len(pulled) <= ingest_mod.WINDOW_PER_JOB * 2
    it.close()


def test_summary_lists_are_capped_but_counts_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_mod, "KEEP", 3)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(8):
        (src / f"e{i}.txt").write_text("   \n", encoding="utf-8")
    with open_store(str(tmp_path / "k.db")) as s:
        summary = ingest([str(src)], s)
    assert summary.rejected["empty"] == 8 and len(summary.rejections) == 3
