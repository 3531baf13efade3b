"""Across articles, through the store: incremental ingest gives the same result in any order."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from vaarta.ingest import ingest
from vaarta.store import open_store


def _demo_files() -> list[str]:
    with resources.as_file(resources.files("vaarta").joinpath("demo", "articles")) as path:
        return sorted(str(p) for p in Path(path).iterdir() if p.suffix in {".txt", ".md", ".html", ".jsonl"})


def _state(store: Any) -> tuple[Any, ...]:
    clusters = sorted(
        (c["id"], c["type"], tuple(c["participants"]), c["date"] or "", tuple(c["articles"])) for c in store.clusters(limit=500)
    )
    copies = sorted((r["id"], r["duplicate_of"]) for r in store.iter_records())
    return tuple(clusters), tuple(copies)


def test_one_by_one_in_any_order_equals_all_at_once(tmp_path: Path) -> None:
    files = _demo_files()
    with open_store(str(tmp_path / "all.db")) as s:
        ingest(files, s)
        at_once = _state(s)
    assert at_once[0], "the demo corpus should give merged events"
    assert any(dup for _, dup in at_once[1]), "the demo corpus has a syndicated copy"
    for name, order in (("fwd", files), ("rev", files[::-1]), ("mix", files[1::2] + files[::2])):
        with open_store(str(tmp_path / f"{name}.db")) as s:
            for f in order:  # one article file per ingest run: incremental updates
                ingest([f], s)
            assert _state(s) == at_once, name


SHARED = Path(__file__).parents[1].parent / "shared"


def _covid_sample(days: set[str]) -> list[Any]:
    from vaarta import corpora

    return [a for a in corpora.covid_articles() if a.published in days]


def test_window_by_window_equals_a_full_merge_on_real_news(tmp_path: Path) -> None:
    """Each ingest re-merges only the windows around its new reports (crossdoc_store): real
    articles of four days, one at a time in two orders, give the clusters of one ingest of
    them all and of a full re-merge."""
    import pytest

    from vaarta import corpora
    from vaarta.ingest import ingest_articles, merge_events

    if corpora.covid_root() is None:
        pytest.skip("../shared/data/covid-hindi-news absent")
    # four days around a month end and a week boundary, and one a fortnight later: many windows
    arts = _covid_sample({"2020-03-27", "2020-03-28", "2020-04-01", "2020-04-12"})
    with open_store(str(tmp_path / "all.db")) as s:
        ingest_articles(arts, s)
        at_once = _state(s)
        merge_events(s)
        assert _state(s) == at_once
    assert len(at_once[0]) >= 5, at_once[0]
    for name, order in (("fwd", arts), ("mix", arts[1::2] + arts[::2])):
        with open_store(str(tmp_path / f"{name}.db")) as s:
            for a in order:
                ingest_articles([a], s)
            assert _state(s) == at_once, name


def test_clusters_stored_without_their_window_are_merged_whole_once(tmp_path: Path) -> None:
    """A store written before clusters kept their window: the first ingest merges the touched
    types whole (and gives every cluster its window); the result is the full merge's."""
    files = _demo_files()
    with open_store(str(tmp_path / "old.db")) as s:
        ingest(files[:-1], s)
        s.conn.execute("UPDATE clusters SET block = NULL")
        s.conn.commit()
        ingest(files[-1:], s)
        assert (
            s.scalar(
                "SELECT COUNT(*) FROM clusters WHERE block IS NULL AND type IN (SELECT type FROM clusters WHERE block IS NOT NULL)"
            )
            == 0
        )
        got = _state(s)
    with open_store(str(tmp_path / "new.db")) as s:
        ingest(files, s)
        assert _state(s) == got


def test_an_ingest_that_stopped_before_its_merge_is_repaired_by_the_next(tmp_path: Path) -> None:
    """Articles stored by an ingest that stopped before merging (here: its progress callback
    fails) are pending; the next ingest, of other articles, merges everything."""
    import pytest

    files = _demo_files()
    with open_store(str(tmp_path / "all.db")) as s:
        ingest(files, s)
        want = _state(s)

    def boom(n: int, _source: str) -> None:
        if n == len(files) - 1:
            raise RuntimeError("killed")

    with open_store(str(tmp_path / "stopped.db")) as s:
        with pytest.raises(RuntimeError):
            ingest(files[:-1], s, progress=boom)
        assert s.merge_pending() and s.counts()["articles"] == len(files) - 1
        assert _state(s) != want
        ingest(files[-1:], s)
        assert not s.merge_pending()
        assert _state(s) == want


def test_reports_at_the_ends_of_the_calendar_do_not_break_a_merge(tmp_path: Path) -> None:
    import json

    from vaarta.ingest import ingest

    lines = [
        {"id": "far", "published": "9999-12-31", "text": "पटना। बिहार में बाढ़ से 12 लोगों की मौत हो गई।"},
        {"id": "near", "published": "0001-01-10", "text": "गुवाहाटी। असम में भूकंप के तेज झटके महसूस किए गए, कई मकान ढह गए।"},
    ]
    path = tmp_path / "ends.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    with open_store(str(tmp_path / "e.db")) as s:
        ingest(_demo_files()[:1], s)  # a store's first ingest merges everything: this one merges windows
        summary = ingest([str(path)], s)
        assert summary.analysed == 2 and not s.merge_pending()
