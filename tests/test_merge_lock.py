"""Two processes ingesting into one database at once end as they would one after the other: the
merge across articles runs under the store's merge lock (Store.merging), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

import test_store_backends as backends
import vaarta.crossdoc as crossdoc
from test_incremental import _demo_files, _state
from vaarta.ingest import ingest
from vaarta.pipeline import load_resources
from vaarta.store import open_store

BACKENDS = backends.BACKENDS
backend_db = backends.backend_db  # the fixture: a fresh database of each backend


def _reference(tmp_path: Path) -> tuple[list[str], Any, tuple[Any, ...]]:
    """The demo files, the resources, and the store state of one ingest of them all."""
    files = _demo_files()
    res = load_resources()
    with open_store(str(tmp_path / "ref.db")) as s:
        ingest(files, s, resources=res)
        return files, res, _state(s)


@pytest.mark.parametrize("backend_db", BACKENDS, indirect=True)
def test_a_second_writer_merging_meanwhile_loses_nothing(
    backend_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files, res, reference = _reference(tmp_path)
    first, second = files[::2], files[1::2]
    with open_store(str(tmp_path / "first.db")) as s:
        ingest(first, s, resources=res)
        first_ids = {r["id"] for r in s.iter_records()}
    # the reference joins articles of both halves: a merge that never saw the other half would differ
    assert any(set(c[4]) & first_ids and set(c[4]) - first_ids for c in reference[0]), reference[0]

    real_multi = crossdoc.multi_article
    other: dict[str, Any] = {}
    main = threading.current_thread()

    def second_writer() -> None:
        try:
            with open_store(backend_db) as s2:
                ingest(second, s2, resources=res)
        except BaseException as e:  # reported by the test below
            other["error"] = e

    def multi_article(*args: Any, **kw: Any) -> Any:
        # the first writer has read the stored reports and is about to write its clusters: the
        # second writer runs its whole ingest now (without a lock it would finish here, and the
        # first writer would then overwrite its windows with clusters that never saw its reports)
        if threading.current_thread() is main and "thread" not in other:
            other["thread"] = t = threading.Thread(target=second_writer)
            t.start()
            t.join(timeout=1.5)
            other["waited"] = t.is_alive()
        return real_multi(*args, **kw)

    monkeypatch.setattr(crossdoc, "multi_article", multi_article)
    with open_store(backend_db) as s1:
        ingest(first, s1, resources=res)
    other["thread"].join(timeout=120)
    assert "error" not in other, other.get("error")
    with open_store(backend_db) as s:
        assert _state(s) == reference
        assert not s.merge_pending()
    assert other["waited"], "the second writer should have waited for the first one's merge"


@pytest.mark.parametrize("backend_db", BACKENDS, indirect=True)
def test_a_failing_merge_is_rolled_back_whole_and_stays_pending(
    backend_db: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    files, res, reference = _reference(tmp_path)
    with open_store(backend_db) as s:
        ingest(files[:-1], s, resources=res)
        before = _state(s)
        assert before[0] != reference[0]  # the last article changes the merged events
        real_done = type(s).merge_done

        def fail_at_the_end(self: Any, ids: Any) -> None:
            real_done(self, ids)  # everything written, then the merge fails: nothing of it may stay
            raise OSError("disk full")

        monkeypatch.setattr(type(s), "merge_done", fail_at_the_end)
        with pytest.raises(OSError):
            ingest(files[-1:], s, resources=res)
        monkeypatch.undo()
        assert _state(s)[0] == before[0]  # the clusters as they were: no half-written merge
        assert s.merge_pending()  # the new article is still to be merged ...
        ingest([], s, resources=res)  # ... and the next ingest merges everything
        assert not s.merge_pending()
        assert _state(s)[0] == reference[0]


def test_an_article_made_a_copy_stays_pending_until_merged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored article that a new, earlier original turns into a copy is marked pending in the same
    transaction, so a run stopped before its merge leaves its stale clusters to the next ingest."""
    from vaarta.model import Article
    from vaarta.store.base import Store

    body = (
        "नई दिल्ली। उत्तराखंड के चमोली जिले में भूस्खलन से 14 लोगों की मौत हो गई और 20 लोग घायल हुए। राहत दल मलबा हटाने में जुटे हैं।"
        " मुख्यमंत्री ने प्रभावित परिवारों को हर संभव मदद का भरोसा दिया और अधिकारियों को राहत शिविरों में भोजन पहुंचाने को कहा।"
    )
    later = Article(id="later", source="later.txt", raw="चमोली में भूस्खलन\n\n" + body, title="चमोली में भूस्खलन", published="2026-03-23")
    earlier = Article(
        id="earlier", source="earlier.txt", raw="भूस्खलन से 14 की मौत\n\n" + body, title="भूस्खलन", published="2026-03-22"
    )
    res = load_resources()
    with open_store(str(tmp_path / "c.db")) as s:
        ingest([], s, resources=res)
        from vaarta.ingest import ingest_articles

        ingest_articles([later], s, resources=res)
        assert not s.merge_pending()

        def stop(self: Any, ids: Any) -> None:
            raise OSError("killed before the merge ended")

        monkeypatch.setattr(Store, "merge_done", stop)
        with pytest.raises(OSError):
            ingest_articles([earlier], s, resources=res)
        monkeypatch.undo()
        assert s.copy_info("later") is not None and s.get("later")["duplicate_of"] == "earlier"
        assert set(s.pending_articles()) == {"earlier", "later"}
        ingest_articles([], s, resources=res)
        assert not s.merge_pending()


def _record(article_id: str, body: str, res: Any) -> Any:
    from vaarta.model import Article
    from vaarta.pipeline import analyse_article

    title = "चमोली में भूस्खलन"
    art = Article(id=article_id, source=f"{article_id}.txt", raw=f"{title}\n\n{body}", title=title, published="2026-03-22")
    return analyse_article(art, res)


BODY = "नई दिल्ली। उत्तराखंड के चमोली जिले में भूस्खलन से 14 लोगों की मौत हो गई और 20 लोग घायल हुए। राहत दल मलबा हटाने में जुटे हैं।"


@pytest.mark.parametrize("backend_db", BACKENDS, indirect=True)
def test_a_version_stored_after_the_merge_read_its_marks_stays_pending(backend_db: str) -> None:
    """A merge clears only the pending marks it read: a later put of the same article bumps the
    mark's token, so that version is merged by the next ingest even if its own writer dies."""
    res = load_resources()
    with open_store(backend_db) as s:
        s.put(_record("a", BODY, res))
        marks = s.pending_tokens(["a"])
        assert set(marks) == {"a"}
        s.put(_record("a", BODY + " दूसरा संस्करण।", res))  # stored again while the merge ran
        s.merge_done(marks)
        assert "a" in s.pending_articles()  # the newer version is still to be merged
        s.merge_done(s.pending_tokens())
        assert not s.merge_pending()
        # a plain list of ids still clears whatever it names
        s.put(_record("a", BODY, res))
        s.merge_done(["a"])
        assert not s.merge_pending()


@pytest.mark.parametrize("backend_db", BACKENDS[1:], indirect=True)
def test_postgres_put_during_a_merge_stays_pending(backend_db: str) -> None:
    """On PostgreSQL a put does not wait for another process's merge: the version it stores while
    that merge runs keeps its pending mark, so it is merged later (it was lost before the token)."""
    from vaarta.crossdoc_store import merge_all

    res = load_resources()
    with open_store(backend_db) as a, open_store(backend_db) as b:
        a.put(_record("x", BODY, res))
        real = a.pending_tokens

        def read_then_other_put(ids: Any = None) -> dict[str, int]:
            marks = real(ids)
            b.put(_record("x", BODY + " दूसरा संस्करण।", res))  # the other process, mid-merge
            return marks

        a.pending_tokens = read_then_other_put  # type: ignore[method-assign]
        merge_all(a)
        a.pending_tokens = real  # type: ignore[method-assign]
        assert "x" in a.pending_articles()
        merge_all(a)
        assert not a.merge_pending()
