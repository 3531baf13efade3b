"""Cleaning scraped news text: decide what each block *is*, cut what is not the article.

Blocks are judged by structure, not by a list of strings from known pages: a markdown image,
a line that is only a link, a "read also" header and the teaser headlines that follow it
(headline-shaped lines: no closing danda, long or with headline punctuation), section headers
and share/app prompts (patterns in ``data/boilerplate_hi.json``). Headline, captions,
subheadings and every body sentence are kept. Every cut is recorded with its raw offsets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from .model import Removed

# Tunable numbers of the teaser rule (a line after "ये भी पढ़ें" is a teaser headline when it
# does not end a sentence and is long or carries headline punctuation).
TEASER_MIN_CHARS = 45
TEASER_MAX_LINES = 6
PROMO_PAREN_MAX = 700  # the longest "(… फ़ॉलो कर सकते हैं.)" block removed whole

_IMAGE = regex.compile(r"!\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK_LINE = regex.compile(r"^\s*(?:[*-]\s*)?(?:\[[^\]\n]*\]\([^)\s]+\)\s*)+$|^\s*<?https?://\S+>?\s*$")
_MD_HEADING = regex.compile(r"^[ \t]*#{1,6}[ \t]+", regex.MULTILINE)
_MD_EMPHASIS = regex.compile(r"(?<![\w*])\*\*(?=\S)|(?<=\S)\*\*(?![\w*])")
_INLINE_LINK = regex.compile(r"\[([^\]\n]+)\]\((?:https?:)?//[^)\s]+\)")
_SENTENCE_END = regex.compile(r"[।॥.!]\s*[\"'”’)]*\s*$")
_HEADLINE_PUNCT = regex.compile(r"[,;:|]")
_DEVANAGARI = regex.compile(r"\p{Devanagari}+")  # runs: one match per run, not per character
_LETTER = regex.compile(r"\p{L}+")
# The characters of the Devanagari block (U+0900-U+097F) that are of the Devanagari script,
# as runs for the stdlib ``re`` (faster): they are some of \p{Devanagari}, so their count is
# at most the script's count, enough for the shortcut in devanagari_at_least.
_DEVANAGARI_BLOCK_RUN = re.compile("[" + "".join(chr(c) for c in range(0x0900, 0x0980) if _DEVANAGARI.fullmatch(chr(c))) + "]+")


# The same count without a pattern: the characters of U+0900-U+097F are the UTF-16 code units
# whose top nine bits are 0x12 (a character beyond the BMP is two surrogates, neither in the
# block), less the block's characters of another script (stress signs, dandas).
_BLOCK_NOT_SCRIPT = tuple(chr(c) for c in range(0x0900, 0x0980) if not _DEVANAGARI.fullmatch(chr(c)))


def _devanagari_block_count(text: str) -> int:
    """``sum(map(len, _DEVANAGARI_BLOCK_RUN.findall(text)))``, several times faster."""
    import numpy as np

    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype="<u2")
    return int(np.count_nonzero((units >> 7) == 0x12)) - sum(map(text.count, _BLOCK_NOT_SCRIPT))


@dataclass(frozen=True)
class _Patterns:
    read_also: regex.Pattern[str]
    chrome: tuple[regex.Pattern[str], ...]
    promo: tuple[regex.Pattern[str], ...]
    # whether any chrome pattern matches at the start of a line (``_any_match``)
    chrome_any: Callable[[str], object]
    # per promo pattern, the words every match starts with (None: not known): a text holding
    # none of them is not scanned (``str`` containment is several times cheaper than the scan)
    promo_leads: tuple[tuple[str, ...] | None, ...]


# A pattern that starts with a group of plain words, ``(?:फेसबुक|ट्विटर|…)``, not made optional.
_LEADING_WORDS = re.compile(r"\(\?:([^()\[\]\\.*+?{}|^$]+(?:\|[^()\[\]\\.*+?{}|^$]+)*)\)(?![?*{])")


_BACKREFERENCE = re.compile(r"\\[1-9g]|\(\?P=|\(\?[a-zA-Z]")


def _any_match(patterns: list[str], flags: int) -> Callable[[str], object]:
    """``lambda s: any(p.match(s) for p in patterns)``: one alternation of them all (one call,
    not one a pattern), unless a pattern refers to its own groups or sets inline flags."""
    if any(_BACKREFERENCE.search(p) for p in patterns):
        compiled = [regex.compile(p, flags) for p in patterns]
        return lambda s: any(p.match(s) for p in compiled)
    return regex.compile("|".join(f"(?:{p})" for p in patterns), flags).match


def _leads(pattern: str) -> tuple[str, ...] | None:
    m = _LEADING_WORDS.match(pattern)
    return tuple(m.group(1).split("|")) if m else None


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = json.loads(resources.files("vaarta.data").joinpath("boilerplate_hi.json").read_text("utf-8"))
    return _Patterns(
        read_also=regex.compile(data["read_also_header"], regex.IGNORECASE),
        chrome=tuple(regex.compile(p, regex.IGNORECASE) for p in data["chrome_line"]),
        chrome_any=_any_match(data["chrome_line"], regex.IGNORECASE),
        promo=tuple(regex.compile(p) for p in data["promo_sentence"]),
        promo_leads=tuple(_leads(p) for p in data["promo_sentence"]),
    )


# Patterns used per article, compiled once (``regex.search(pattern_string, …)`` looks each
# one up in the module's cache on every call).
_LINE = regex.compile(r"[^\n]*")
_AUTHOR_IMAGE = regex.compile(r"/author|/authors?/|byline", regex.I)
_COLON = regex.compile(r"[:：]")


def _lines(raw: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(raw) if m.end() > m.start()]


def find_boilerplate(raw: str) -> list[Removed]:
    """Raw spans of everything that is not the article, each with its kind."""
    pats = _patterns()
    cut: list[Removed] = []
    lines = _lines(raw)
    # 1. inline markup: images anywhere, link markup around kept link text
    for m in _IMAGE.finditer(raw):
        kind = "author" if _AUTHOR_IMAGE.search(m.group()) else "image"
        cut.append(Removed(kind, m.start(), m.end(), m.group()))
    for m in _INLINE_LINK.finditer(raw):
        if raw[max(0, m.start() - 1)] == "!":
            continue
        cut.append(Removed("markup", m.start(), m.start() + 1, "["))
        cut.append(Removed("markup", m.end(1), m.end(), raw[m.end(1) : m.end()]))

    for m in _MD_HEADING.finditer(raw):  # "## उपशीर्षक": keep the subheading, drop the markup
        cut.append(Removed("markup", m.start(), m.end(), m.group()))
    for m in _MD_EMPHASIS.finditer(raw):
        cut.append(Removed("markup", m.start(), m.end(), m.group()))

    def residue(s: int, e: int) -> str:
        """The line's text once images are taken out."""
        return _IMAGE.sub("", raw[s:e]).strip()

    # 2. line-level blocks
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = raw[s:e]
        body = residue(s, e)
        if not body:
            i += 1
            continue
        if _LINK_LINE.match(body):
            cut.append(Removed("link", s, e, line))
        elif pats.read_also.match(body):
            end_i = _teasers(raw, lines, i, residue)
            block_end = lines[end_i][1]
            cut.append(Removed("related-links", s, block_end, raw[s:block_end]))
            i = end_i + 1
            continue
        elif pats.chrome_any(body):
            cut.append(Removed("section-header", s, e, line))
        i += 1

    # 3. promotional sentences and "(… follow us …)" parentheticals, possibly across lines
    for p, leads in zip(pats.promo, pats.promo_leads, strict=True):
        if leads is not None and not any(w in raw for w in leads):
            continue
        for m in p.finditer(raw):
            if any(r.raw_start <= m.start() < r.raw_end for r in cut if r.kind != "markup"):
                continue
            s, e = _promo_extent(raw, m.start(), m.end())
            cut.append(Removed("promo", s, e, raw[s:e]))
    return _merge(cut)


def _teasers(raw: str, lines: list[tuple[int, int]], header: int, residue) -> int:  # type: ignore[no-untyped-def]
    """Index of the last line of the "read also" block that starts at ``header``."""
    s, e = lines[header]
    after_colon = _COLON.split(raw[s:e], maxsplit=1)
    if len(after_colon) == 2 and after_colon[1].strip():
        return header  # "यह भी पढ़ें: <teaser>" on one line
    last = header
    taken = 0
    pats = _patterns()
    for j in range(header + 1, len(lines)):
        body = residue(*lines[j])
        if not body:
            last = j
            continue
        if _LINK_LINE.match(body) or pats.chrome_any(body):
            last = j
            continue
        headline_shaped = not _SENTENCE_END.search(body)
        teaser_like = headline_shaped and (
            len(body) >= TEASER_MIN_CHARS or bool(_HEADLINE_PUNCT.search(body)) or not _body_follows(raw, lines, j, residue)
        )
        if not teaser_like or taken >= TEASER_MAX_LINES:
            break
        taken += 1
        last = j
    # do not swallow trailing blank lines into the block
    while last > header and not residue(*lines[last]):
        last -= 1
    return last


def _body_follows(raw: str, lines: list[tuple[int, int]], j: int, residue) -> bool:  # type: ignore[no-untyped-def]
    """Whether a body sentence comes after line ``j`` (a short line before body is a subheading)."""
    return any(_SENTENCE_END.search(residue(*lines[k])) for k in range(j + 1, len(lines)))


def _promo_extent(raw: str, start: int, end: int) -> tuple[int, int]:
    """Grow a promo match to its enclosing parenthetical, else to its sentence."""
    open_ = raw.rfind("(", max(0, start - PROMO_PAREN_MAX), start)
    close = raw.find(")", end, end + PROMO_PAREN_MAX)
    if open_ != -1 and close != -1 and ")" not in raw[open_:start] and "(" not in raw[end:close]:
        return open_, close + 1
    s = start
    while s > 0 and raw[s - 1] not in "।.?!\n":
        s -= 1
    e = end
    while e < len(raw) and raw[e] not in "।.?!\n":
        e += 1
    if e < len(raw) and raw[e] != "\n":
        e += 1
    while s < e and raw[s] == " ":
        s += 1
    return s, e


def _merge(cut: list[Removed]) -> list[Removed]:
    """Drop spans contained in a bigger one; keep the rest sorted."""
    cut.sort(key=lambda r: (r.raw_start, -r.raw_end))
    out: list[Removed] = []
    for r in cut:
        if out and r.raw_end <= out[-1].raw_end and r.raw_start >= out[-1].raw_start:
            continue
        if out and r.raw_start < out[-1].raw_end:  # partial overlap: extend the earlier one
            prev = out.pop()
            r = Removed(prev.kind, prev.raw_start, max(prev.raw_end, r.raw_end), prev.text)
        out.append(r)
    return out


def devanagari_share(text: str) -> float:
    """Share of letters that are Devanagari (0.0 when there are no letters)."""
    letters = sum(map(len, _LETTER.findall(text)))
    return sum(map(len, _DEVANAGARI.findall(text))) / letters if letters else 0.0


def devanagari_at_least(text: str, share: float) -> bool:
    """``devanagari_share(text) >= share``, mostly without counting the letters: there are no
    more letters than characters, so enough Devanagari characters settle it (counted in the
    Devanagari block only: fewer, never more, so a "yes" here is a "yes" of the full count)."""
    dev = _devanagari_block_count(text)
    if dev >= share * len(text) and _LETTER.search(text):
        return True
    return devanagari_share(text) >= share
