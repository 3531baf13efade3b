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
    clusters = sorted((c["type"], tuple(c["participants"]), c["date"], tuple(c["articles"])) for c in store.clusters())
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
