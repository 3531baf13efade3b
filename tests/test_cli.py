"""The command line: documented (a test keeps docs/cli.md honest) and working end to end."""

import argparse
import json
from pathlib import Path

import pytest

from vaarta.cli import build_parser, main

from conftest import FIXTURES, ROOT

DOCS = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _subparsers(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for a in p._actions:
        if isinstance(a, argparse._SubParsersAction):
            return dict(a.choices)
    return {}


@pytest.mark.parametrize("name", sorted(_subparsers(build_parser())))
def test_every_command_and_option_is_documented(name: str) -> None:
    assert f"`vaarta {name}" in DOCS, f"docs/cli.md lacks a section for `vaarta {name}`"
    sp = _subparsers(build_parser())[name]
    section = DOCS.split(f"## `vaarta {name}", 1)[1].split("\n## ", 1)[0]
    for a in sp._actions:
        for opt in a.option_strings:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in section, f"`vaarta {name}`: option {opt} undocumented in docs/cli.md"
    assert "```" in section, f"`vaarta {name}` has no example"


def test_ingest_show_search_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    assert main(["ingest", str(FIXTURES), str(bad), "--db", db, "-q"]) == 0
    out, err = capsys.readouterr()
    assert "analysed: 2" in out and "rejected: 1" in out
    assert "bad.txt" in err and err.count("\n") == 1
    assert main(["articles", "--db", db]) == 0
    ids = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert len(ids) == 2
    assert main(["search", "बातचीत", "--db", db]) == 0
    assert "बातचीत" in capsys.readouterr().out
    assert main(["show", ids[0], "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "## removed" in shown
    assert main(["export", "--db", db]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["id"] for r in records} == set(ids)
    for r in records:
        for e in r["entities"]:
            for m in e["mentions"]:
                assert r["text"][m["start"] : m["end"]] == m["text"]
        for t in r["times"]:
            assert r["text"][t["start"] : t["end"]] == t["text"]


def test_show_unknown_id_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.db")
    main(["ingest", str(FIXTURES), "--db", db, "-q"])
    capsys.readouterr()
    assert main(["show", "nope", "--db", db]) == 1
    assert "no article" in capsys.readouterr().err


def test_entity_found_by_a_short_form_the_articles_never_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    art = tmp_path / "a.txt"
    art.write_text("रूस की बैठक\nरूसी राष्ट्रपति व्लादिमीर पुतिन ने सोमवार को मॉस्को में बैठक की।", encoding="utf-8")
    db = str(tmp_path / "p.db")
    main(["ingest", str(art), "--db", db, "-q"])
    capsys.readouterr()
    assert main(["entity", "पुतिन", "--db", db]) == 0  # the knowledge base knows the short form
    out = capsys.readouterr().out
    assert out.startswith("Vladimir Putin (PER)") and "articles (1)" in out


def test_python_dash_m_vaarta_runs_the_command_line() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "vaarta", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip().startswith("vaarta")
