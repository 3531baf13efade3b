"""Reading inputs: files and folders of .txt/.md, .html and .jsonl into :class:`Article` values.

Every problem with one input is a :class:`Rejection` naming the file (and line) and the
reason; the rest of the batch goes on. Nothing here touches the store.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import regex

from .model import Article, Rejection

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

MAX_FILE_BYTES = 20 * 1024 * 1024  # a single article file larger than this is not an article
MAX_ARTICLE_CHARS = 2_000_000  # one article's text (JSONL lines included)
_ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}")
_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", regex.IGNORECASE)


def article_id(data: bytes) -> str:
    """Stable id of an input: a hash of its raw bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def iter_paths(paths: list[str]) -> Iterator[Path | Rejection]:
    """Expand files and folders (recursively, sorted) into input files."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in SUFFIXES and not name.startswith("."):
                        yield f
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield Rejection(
                    str(path), "unsupported-type", f"'{path.suffix or 'no suffix'}' is not .txt, .md, .html or .jsonl"
                )
        else:
            yield Rejection(str(path), "not-found", "no such file or folder")


def decode(data: bytes, source: str, *, html: bool = False) -> str | Rejection:
    """Decode bytes as UTF-8 (or UTF-16/32 with a byte-order mark); reject anything else."""
    if not data.strip():
        return Rejection(source, "empty", "the file has no content")
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                return Rejection(
                    source,
                    "encoding",
                    f"starts with a {enc} byte-order mark but is not valid {enc} ({e.reason} at byte {e.start})",
                )
    head = data[:8192]
    if b"\x00" in head:
        return Rejection(source, "binary", "contains NUL bytes (a binary file, or UTF-16 without a byte-order mark)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        declared = ""
        if html and (m := _CHARSET.search(head)):
            declared = f"; the page declares charset {m.group(1).decode('ascii', 'replace')}"
        guess = (
            "Windows-1252/Latin-1" if all(b < 0x80 or b >= 0xA0 for b in data[e.start : e.start + 4]) else "an unknown encoding"
        )
        return Rejection(
            source, "encoding", f"not valid UTF-8 at byte {e.start} (looks like {guess}{declared}); convert it to UTF-8"
        )
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        return Rejection(source, "binary", "mostly control characters, not text")
    return text


def read_file(path: Path, *, published: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Article | Rejection]:
    """Articles (or rejections) from one input file."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as e:
        yield Rejection(source, "unreadable", e.strerror or str(e))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, published=published)
        return
    if size > max_bytes:
        yield Rejection(
            source,
            "too-large",
            f"{size / 2**20:.1f} MiB is over the {max_bytes / 2**20:.0f} MiB limit for one article file (raise it with --max-bytes)",
        )
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Rejection(source, "unreadable", e.strerror or str(e))
        return
    is_html = suffix in HTML_SUFFIXES
    text = decode(data, source, html=is_html)
    if isinstance(text, Rejection):
        yield text
        return
    yield Article(
        id=article_id(data),
        source=source,
        raw=text,
        is_html=is_html,
        published=published,
        published_from="cli" if published else None,
    )


def _read_jsonl(path: Path, *, published: str | None) -> Iterator[Article | Rejection]:
    source = str(path)
    try:
        fh = path.open("rb")
    except OSError as e:
        yield Rejection(source, "unreadable", e.strerror or str(e))
        return
    with fh:
        any_line = False
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            any_line = True
            where = f"{source}:{n}"
            if len(line) > MAX_ARTICLE_CHARS * 4:
                yield Rejection(where, "too-large", f"a line of {len(line) / 2**20:.1f} MiB is too large for one article")
                continue
            text = decode(line, where)
            if isinstance(text, Rejection):
                yield text
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as e:
                yield Rejection(where, "json", f"not JSON ({e.msg} at column {e.colno})")
                continue
            yield from _article_from_json(obj, where, line, published)
        if not any_line:
            yield Rejection(source, "empty", "the file has no lines")


def article_from_json(obj: object, where: str, published: str | None = None) -> Article | Rejection:
    """One article from a JSON object (spec/record.md input fields), or why it cannot be one."""
    line = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return next(_article_from_json(obj, where, line, published))


def _article_from_json(obj: object, where: str, line: bytes, published: str | None) -> Iterator[Article | Rejection]:
    if not isinstance(obj, dict):
        yield Rejection(where, "json", "a line must be a JSON object with a 'text' or 'html' field")
        return
    body = obj.get("html") if obj.get("html") else obj.get("text")
    if not isinstance(body, str) or not body.strip():
        yield Rejection(where, "empty", "no 'text' or 'html' field with content")
        return
    pub = obj.get("published")
    pub_from = "input-field"
    if isinstance(pub, str) and _ISO_DATE.match(pub):
        pub = pub[:10]
    else:
        pub, pub_from = (published, "cli") if published else (None, None)  # type: ignore[assignment]
    given = obj.get("id")
    yield Article(
        id=str(given) if given not in (None, "") else article_id(line.strip()),
        source=str(obj.get("url") or where),
        raw=body,
        is_html=bool(obj.get("html")),
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        published=pub,
        published_from=pub_from if pub else None,
    )


def read_inputs(
    paths: list[str], *, published: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Article | Rejection]:
    """Every article (or rejection) from files and folders, in a stable order."""
    for p in iter_paths(paths):
        if isinstance(p, Rejection):
            yield p
        else:
            yield from read_file(p, published=published, max_bytes=max_bytes)
