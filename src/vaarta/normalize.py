"""Unicode normalisation with an offset map back to the raw input.

The raw text is never changed. :func:`assemble` builds the cleaned text from the raw text
minus removed spans, normalising as it goes (NFC per grapheme cluster, zero-width characters
dropped, quote-mark and space variants unified, whitespace runs collapsed), and records for
every cleaned character the raw offset it came from. Nothing is invented that cannot be
mapped back: every cleaned character points into the raw input.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import regex

# Characters dropped outright: zero-width space/joiners, BOM, soft hyphen, word joiner,
# bidi marks. ZWJ/ZWNJ only change how Hindi conjuncts render, not the word.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f")

# One spelling for characters that have many: quote marks (opening and closing kept apart),
# spaces, dashes and the pipe some sites type for the danda.
CHAR_MAP = {
    "\u201e": "\u201c",  # „ → “
    "\u201f": "\u201d",  # ‟ → ”
    "\u00ab": "\u201c",  # « → “
    "\u00bb": "\u201d",  # » → ”
    "\u2033": '"',  # ″ → "
    "\u2032": "'",  # ′ → '
    "\u201a": "\u2018",  # ‚ → ‘
    "\u201b": "\u2019",  # ‛ → ’
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0964\u0964": "\u0965",
}

_CLUSTER = regex.compile(r"\X", regex.DOTALL)


def normalize(text: str) -> str:
    """Normalise a string the way :func:`assemble` does (without offsets)."""
    return assemble(text, ())[0]


def assemble(raw: str, removed: Sequence[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Return ``(text, runs)``: the cleaned text and its offset map.

    ``removed`` are raw ``(start, end)`` spans to leave out; a removed span that held a whole
    line leaves a line break. ``runs`` are ``(clean_start, raw_start, length)`` triples.
    """
    out: list[str] = []
    src: list[int] = []
    spans = sorted(removed)
    keep_from = 0
    pieces: list[tuple[int, int]] = []
    for s, e in spans:
        if s > keep_from:
            pieces.append((keep_from, s))
        keep_from = max(keep_from, e)
    if keep_from < len(raw):
        pieces.append((keep_from, len(raw)))

    def push(ch: str, at: int) -> None:
        if ch == "\n":
            # collapse trailing spaces before a newline and more than one blank line
            while out and out[-1] == " ":
                out.pop()
                src.pop()
            if not out or (len(out) >= 2 and out[-1] == "\n" and out[-2] == "\n"):
                return
        elif ch == " " and (not out or out[-1] in " \n"):
            return
        out.append(ch)
        src.append(at)

    for ps, pe in pieces:
        if out and out[-1] != "\n" and ps > 0 and raw[ps - 1] == "\n":
            push("\n", ps - 1)
        chunk = raw[ps:pe]
        simple = unicodedata.is_normalized("NFC", chunk)
        if simple:
            for i, ch in enumerate(chunk):
                _push_char(push, ch, ps + i, chunk, i)
        else:
            for m in _CLUSTER.finditer(chunk):
                norm = unicodedata.normalize("NFC", m.group())
                for k, ch in enumerate(norm):
                    _push_char(push, ch, ps + m.start() + min(k, len(m.group()) - 1), chunk, m.start())
    while out and out[-1] in " \n":
        out.pop()
        src.pop()
    text = "".join(out)
    return text, _runs(src)


def _push_char(push, ch: str, at: int, chunk: str, i: int) -> None:  # type: ignore[no-untyped-def]
    if ch in ZERO_WIDTH:
        return
    if ch == "\u0964" and i + 1 < len(chunk) and chunk[i + 1] == "\u0964":
        push("\u0965", at)  # ।। → ॥ (the second danda is dropped below)
        return
    if ch == "\u0964" and i > 0 and chunk[i - 1] == "\u0964":
        return
    push(CHAR_MAP.get(ch, ch), at)


def _runs(src: list[int]) -> tuple[tuple[int, int, int], ...]:
    runs: list[tuple[int, int, int]] = []
    for i, r in enumerate(src):
        if runs:
            cs, rs, n = runs[-1]
            if r == rs + n and i == cs + n:
                runs[-1] = (cs, rs, n + 1)
                continue
        runs.append((i, r, 1))
    return tuple(runs)
