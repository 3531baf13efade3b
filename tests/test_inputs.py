"""Bad input: each is rejected with a one-line reason naming the file; the batch goes on."""

import json
from pathlib import Path

from vaarta.inputs import read_inputs
from vaarta.model import Article, Rejection

HINDI = "प्रधानमंत्री ने सोमवार को दिल्ली में अधिकारियों के साथ बैठक की और राहत कार्यों की समीक्षा की।"


def _read(*paths: Path, **kw) -> list[Article | Rejection]:  # type: ignore[no-untyped-def]
    return list(read_inputs([str(p) for p in paths], **kw))


def test_bad_files_rejected_and_good_ones_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(HINDI, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"   \n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u2014 news".encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(HINDI.encode("utf-16"))  # with a BOM: read
    (tmp_path / "declared.html").write_bytes(
        b'<html><head><meta charset="utf-8"></head><body>' + "caf\u00e9".encode("cp1252") + b"</body></html>"
    )
    out = {Path(x.source).name: x for x in _read(tmp_path)}
    assert isinstance(out["good.txt"], Article)
    assert isinstance(out["utf16.txt"], Article) and out["utf16.txt"].raw == HINDI
    assert out["empty.txt"].reason == "empty"
    assert out["blank.md"].reason == "empty"
    assert out["binary.txt"].reason == "binary"
    assert out["latin1.txt"].reason == "encoding" and "Windows-1252" in out["latin1.txt"].detail
    assert out["declared.html"].reason == "encoding" and "charset utf-8" in out["declared.html"].detail
    for r in out.values():
        if isinstance(r, Rejection):
            assert "\n" not in r.line() and r.source in r.line()


def test_huge_file_rejected_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    (r,) = _read(big)
    assert isinstance(r, Rejection) and r.reason == "too-large" and "200" in r.detail


def test_jsonl_bad_lines_named_by_line(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": HINDI, "published": "2026-03-14"}, ensure_ascii=False),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "a2", "text": ""}),
        "",
        json.dumps({"text": HINDI + " दूसरा।", "url": "https://example.com/2026/03/15/x"}, ensure_ascii=False),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    out = _read(f)
    arts = [x for x in out if isinstance(x, Article)]
    rej = [x for x in out if isinstance(x, Rejection)]
    assert arts[0].id == "a1" and arts[0].published == "2026-03-14" and arts[0].published_from == "input-field"
    assert len(arts) == 2 and len(arts[1].id) == 16  # no id given: a hash of the line
    assert [r.source.rsplit(":", 1)[1] for r in rej] == ["2", "3", "4"]
    assert rej[0].reason == "json"


def test_missing_and_unsupported_paths(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    out = _read(tmp_path / "nope.txt", tmp_path / "notes.pdf")
    assert [r.reason for r in out] == ["not-found", "unsupported-type"]  # type: ignore[union-attr]


def test_same_bytes_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HINDI, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HINDI, encoding="utf-8")
    a, b = _read(tmp_path)
    assert isinstance(a, Article) and isinstance(b, Article) and a.id == b.id
