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
from itertools import accumulate

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


# Characters that need a look of their own in :func:`assemble`. Any other character of an
# NFC grapheme cluster is copied as it is, a run at a time; a run may hold single spaces
# between such characters (they are always kept), and a danda unless it has a danda beside it.
_SPECIAL = ZERO_WIDTH | {k for k in CHAR_MAP if len(k) == 1} | {" ", "\n", "\u0964"}
_PLAIN_CHAR = "(?:[^" + "".join(regex.escape(c) for c in sorted(_SPECIAL)) + "]|(?<!\u0964)\u0964(?!\u0964))"
_PLAIN = regex.compile(f"{_PLAIN_CHAR}+(?: {_PLAIN_CHAR}+)*")


def assemble(raw: str, removed: Sequence[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Return ``(text, runs)``: the cleaned text and its offset map.

    ``removed`` are raw ``(start, end)`` spans to leave out; a removed span that held a whole
    line leaves a line break. ``runs`` are ``(clean_start, raw_start, length)`` triples.
    """
    # The output is a list of chunks, each a stretch of clean text whose characters come
    # from consecutive raw offsets starting at ``at[i]``. Only spaces and line breaks are
    # ever taken back, and at most the last ones, so the chunk list is cheap to edit.
    out: list[str] = []
    at: list[int] = []
    spans = sorted(removed)
    keep_from = 0
    pieces: list[tuple[int, int]] = []
    for s, e in spans:
        if s > keep_from:
            pieces.append((keep_from, s))
        keep_from = max(keep_from, e)
    if keep_from < len(raw):
        pieces.append((keep_from, len(raw)))

    def last(k: int = 1) -> str:
        """The k-th character from the end of the output ('' when there is none)."""
        i = len(out) - 1
        while i >= 0:
            if len(out[i]) >= k:
                return out[i][-k]
            k -= len(out[i])
            i -= 1
        return ""

    def pop() -> None:
        out[-1] = out[-1][:-1]
        if not out[-1]:
            out.pop()
            at.pop()

    def push(ch: str, pos: int) -> None:
        if ch == "\n":
            # collapse trailing spaces before a newline and more than one blank line
            while out and last() == " ":
                pop()
            if not out or (last() == "\n" and last(2) == "\n"):
                return
        elif ch == " " and (not out or last() in " \n"):
            return
        out.append(ch)
        at.append(pos)

    def copy(chunk: str, ps: int, plain: list[tuple[int, int]], k: int, a: int, b: int) -> int:
        """Push chunk[a:b] (no cluster in it changes under NFC); ``plain`` are the chunk's runs
        of plain text, ``k`` the first that may reach past ``a``; returns the next such ``k``."""
        j = a
        while j < b:
            while k < len(plain) and plain[k][1] <= j:
                k += 1
            if k < len(plain) and plain[k][0] <= j:
                end = min(plain[k][1], b)
                if chunk[j] == " ":  # a run cut by a changed cluster: its space is checked
                    push(" ", ps + j)
                    j += 1
                if j < end:
                    out.append(chunk[j:end])  # no special character: copied whole
                    at.append(ps + j)
                j = end
            else:
                _push_char(push, chunk[j], ps + j, chunk, j)
                j += 1
        return k

    for ps, pe in pieces:
        if out and last() != "\n" and ps > 0 and raw[ps - 1] == "\n":
            push("\n", ps - 1)
        chunk = raw[ps:pe]
        plain = [m.span() for m in _PLAIN.finditer(chunk)]
        k = 0  # first plain run that may still reach past the current position
        if unicodedata.is_normalized("NFC", chunk):
            copy(chunk, ps, plain, 0, 0, len(chunk))
            continue
        # NFC per grapheme cluster: clusters that NFC leaves alone are copied like the rest
        clusters = _CLUSTER.findall(chunk)
        done = 0
        for g, end in zip(clusters, accumulate(map(len, clusters)), strict=True):
            if unicodedata.is_normalized("NFC", g):
                continue
            start = end - len(g)
            k = copy(chunk, ps, plain, k, done, start)
            nfc = unicodedata.normalize("NFC", g)
            for ch, j in zip(nfc, _sources(g, nfc), strict=True):
                _push_char(push, ch, ps + start + j, chunk, start)
            done = end
        copy(chunk, ps, plain, k, done, len(chunk))
    while out and last() in " \n":
        pop()
    runs: list[tuple[int, int, int]] = []
    clean = 0
    for piece, pos in zip(out, at, strict=True):
        n = len(piece)
        if runs and runs[-1][1] + runs[-1][2] == pos:
            cs, rs, k = runs[-1]
            runs[-1] = (cs, rs, k + n)
        else:
            runs.append((clean, pos, n))
        clean += n
    text = "".join(out)
    if _LEGACY.search(text):
        text, runs = _repair(text, runs)
    if not unicodedata.is_normalized("NFC", text):
        return _renormalize(text, runs)
    return text, tuple(runs)


# Spellings left by legacy-font converters and careless typing, each with the one Unicode
# spelling it stands for: ा+ॅ for ॉ, े+ा for ो, अ+ौ for औ, a doubled vowel sign, a nukta typed
# after the vowel sign (डि़ for ड़ि) or on a letter that takes none.
LEGACY_PAIRS = {
    "\u093e\u0945": "\u0949",  # ा ॅ → ॉ
    "\u0905\u0949": "\u0911",  # अ ॉ → ऑ
    "\u093e\u0947": "\u094b",  # ा े → ो
    "\u0947\u093e": "\u094b",  # े ा → ो
    "\u093e\u0948": "\u094c",  # ा ै → ौ
    "\u0905\u094c": "\u0914",  # अ ौ → औ
    "\u0906\u0948": "\u0914",  # आ ै → औ
    "\u0905\u094b": "\u0913",  # अ ो → ओ
    "\u0906\u0947": "\u0913",  # आ े → ओ
    "\u090f\u0947": "\u0910",  # ए े → ऐ
    "\u0905\u093e": "\u0906",  # अ ा → आ
    "\u0964\u0964": "\u0965",  # ।। left once a zero-width character between them is dropped
}
_NUKTA_TAKERS = "\u0915\u0916\u0917\u091c\u0921\u0922\u092b\u092f"  # क ख ग ज ड ढ फ य
_SIGN = "[\u093e-\u094c]"
_LEGACY = regex.compile(
    "|".join(LEGACY_PAIRS)
    + f"|({_SIGN})\\1+"  # हैै → है
    + f"|([{_NUKTA_TAKERS}])({_SIGN})\u093c"  # डि़ → ड़ि
    + f"|(?<={_SIGN}|[\u0900-\u0903])\u093c"  # a nukta on a vowel sign: dropped
)


def _legacy_fix(m: regex.Match[str]) -> str:
    g = m.group()
    if g in LEGACY_PAIRS:
        return LEGACY_PAIRS[g]
    if m.group(1):
        return m.group(1)
    if m.group(2):
        return m.group(2) + "\u093c" + m.group(3)
    return ""


def _repair(text: str, runs: list[tuple[int, int, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    """Apply the legacy-spelling repairs, keeping every character's raw offset."""
    src = _expand(runs, len(text))
    for _ in range(3):  # a repair can make a new pair (े ा ो → ो ो → ो): repeat until stable
        out: list[str] = []
        at: list[int] = []
        i = 0
        for m in _LEGACY.finditer(text):
            out.append(text[i : m.start()])
            at.extend(src[i : m.start()])
            rep = _legacy_fix(m)
            out.append(rep)
            at.extend(src[m.start() + j] for j in _sources(m.group(), rep))
            i = m.end()
        out.append(text[i:])
        at.extend(src[i:])
        text, src = "".join(out), at
        if not _LEGACY.search(text):
            break
    return text, list(_compress(src))


def _expand(runs: Sequence[tuple[int, int, int]], length: int) -> list[int]:
    """The raw offset of every clean character, from ``(clean_start, raw_start, length)`` runs."""
    src = [0] * length
    for cs, rs, n in runs:
        src[cs : cs + n] = range(rs, rs + n)
    return src


def _compress(src: Sequence[int]) -> tuple[tuple[int, int, int], ...]:
    """Runs of consecutive raw offsets: the inverse of :func:`_expand`."""
    fixed: list[tuple[int, int, int]] = []
    for i, r in enumerate(src):
        if fixed and r == fixed[-1][1] + fixed[-1][2]:
            fixed[-1] = (fixed[-1][0], fixed[-1][1], fixed[-1][2] + 1)
        else:
            fixed.append((i, r, 1))
    return tuple(fixed)


def _renormalize(text: str, runs: list[tuple[int, int, int]]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """NFC again where dropping a zero-width character left marks out of order (``्\u200c़``)."""
    src = _expand(runs, len(text))
    out: list[str] = []
    at: list[int] = []
    for m in _CLUSTER.finditer(text):
        g = m.group()
        nfc = unicodedata.normalize("NFC", g)
        for ch, j in zip(nfc, _sources(g, nfc), strict=True):
            out.append(ch)
            at.append(src[m.start() + j])
    return "".join(out), _compress(at)


def _sources(g: str, nfc: str) -> list[int]:
    """For each character of ``nfc`` (``g`` normalised or repaired), its index in ``g``: the
    same character where only the order changed (ु़ → ़ु, डि़ → ड़ि), else its position, capped."""
    used = [False] * len(g)
    out: list[int] = []
    for k, ch in enumerate(nfc):
        j = next((j for j, c in enumerate(g) if c == ch and not used[j]), -1)
        if j < 0:
            j = min(k, len(g) - 1)
        else:
            used[j] = True
        out.append(j)
    return out


def _push_char(push, ch: str, at: int, chunk: str, i: int) -> None:  # type: ignore[no-untyped-def]
    if ch in ZERO_WIDTH:
        return
    if ch == "\u0964" and i + 1 < len(chunk) and chunk[i + 1] == "\u0964":
        push("\u0965", at)  # ।। → ॥ (the second danda is dropped below)
        return
    if ch == "\u0964" and i > 0 and chunk[i - 1] == "\u0964":
        return
    push(CHAR_MAP.get(ch, ch), at)
