"""Unicode normalisation with an offset map back to the raw input.

The raw text is never changed. :func:`assemble` builds the cleaned text from the raw text
minus removed spans, normalising as it goes (NFC per grapheme cluster, zero-width characters
dropped, quote-mark and space variants unified, whitespace runs collapsed), and records for
every cleaned character the raw offset it came from. Nothing is invented that cannot be
mapped back: every cleaned character points into the raw input.
"""

from __future__ import annotations

import bisect
import re
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


# Characters that need a look of their own in :func:`assemble`. Any other character of an
# NFC grapheme cluster is copied as it is, a run at a time; a run may hold single spaces
# between such characters (they are always kept), and a danda unless it has a danda beside it.
_SPECIAL = ZERO_WIDTH | {k for k in CHAR_MAP if len(k) == 1} | {" ", "\n", "\u0964"}
_PLAIN_CHAR = "(?:[^" + "".join(regex.escape(c) for c in sorted(_SPECIAL)) + "]|(?<!\u0964)\u0964(?!\u0964))"
# plain code points only: the stdlib ``re`` scans it about twice as fast as ``regex``; a run
# of ordinary characters is one class repeat (``[^…]+``), not one alternation per character
# (the same matches, a third faster)
_PLAIN_RUN = "(?:[^" + "".join(regex.escape(c) for c in sorted(_SPECIAL)) + "]+|(?<!\u0964)\u0964(?!\u0964))+"
_PLAIN = re.compile(f"{_PLAIN_RUN}(?: {_PLAIN_RUN})*")


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
        if _SUSPECT.search(chunk) is None:  # surely NFC already (cheaper than is_normalized)
            copy(chunk, ps, plain, 0, 0, len(chunk))
            continue
        # NFC per grapheme cluster: clusters that NFC leaves alone are copied like the rest
        done = 0
        for start, end in _changed_clusters(chunk):
            g = chunk[start:end]
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
    if _LEGACY_PAIR.search(text) and _LEGACY.search(text):
        text, runs = _repair(text, runs)
    # NFC again per grapheme cluster (what _renormalize does) only where a cluster is not NFC:
    # the same text as asking is_normalized of the whole text, without normalising all of it
    if _SUSPECT.search(text) is not None and _changed_clusters(text):
        return _renormalize(text, runs)
    return text, tuple(runs)


# A grapheme cluster can change under NFC only if it holds a character whose NFC_Quick_Check
# is No or Maybe, or two neighbouring characters of non-zero combining class (which canonical
# ordering may swap): the NFC quick-check algorithm. Only the clusters around such
# characters are looked at; the rest of a chunk is copied whole.
_SUSPECT = regex.compile(r"[\p{NFC_QC=No}\p{NFC_QC=Maybe}]|\P{ccc=0}\P{ccc=0}")
# A character that belongs to the cluster before it (grapheme break rules GB9, GB9a).
_JOINS_BACK = regex.compile(r"[\p{M}\p{Grapheme_Cluster_Break=Extend}\p{Grapheme_Cluster_Break=ZWJ}\p{GCB=SpacingMark}]")


def _cut_after_space(chunk: str, i: int, step: int) -> int:
    """The nearest position at or before (``step`` -1) / after (+1) ``i`` that surely starts a
    grapheme cluster: just after a space or line break whose next character does not join it
    (or the chunk's edge)."""
    n = len(chunk)
    while True:
        if step < 0:
            j = max(chunk.rfind(" ", 0, i), chunk.rfind("\n", 0, i))
            if j < 0:
                return 0
        else:
            a, b = chunk.find(" ", i), chunk.find("\n", i)
            j = min(a, b) if a >= 0 and b >= 0 else max(a, b)
            if j < 0:
                return n
        if j + 1 >= n or not _JOINS_BACK.match(chunk, j + 1):
            return j + 1
        i = j if step < 0 else j + 1


def _nukta_stays(chunk: str, i: int) -> bool:
    """Whether NFC surely leaves the nukta at ``i`` as it is (the nukta is NFC_QC=Maybe: most
    Hindi articles have several, and looking at each one's clusters was most of the cost of
    this pass). It composes only with न, र or ळ (ऩ ऱ ऴ; क़ and the like are composition
    exclusions), and only when no mark stands between them; beside another mark, canonical
    ordering may move it. Any other character that could change is found by the scan itself."""
    prev = chunk[i - 1] if i else " "
    nxt = chunk[i + 1] if i + 1 < len(chunk) else " "
    return prev not in "\u0928\u0930\u0933" and not unicodedata.combining(prev) and not unicodedata.combining(nxt)


def _changed_clusters(chunk: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the grapheme clusters of ``chunk`` that NFC changes, in order (the
    same clusters as a segmentation of the whole chunk: each stretch looked at starts and ends
    where a cluster surely starts)."""
    out: list[tuple[int, int]] = []
    pos = 0
    while (m := _SUSPECT.search(chunk, pos)) is not None:
        if m.end() - m.start() == 1 and chunk[m.start()] == "\u093c" and _nukta_stays(chunk, m.start()):
            pos = m.end()
            continue
        start = _cut_after_space(chunk, m.start(), -1)
        end = _cut_after_space(chunk, m.end(), +1)
        for c in _CLUSTER.finditer(chunk, start, end):
            if not unicodedata.is_normalized("NFC", c.group()):
                out.append(c.span())
        pos = end
    return out


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
_LEGACY_FIRST = "".join(sorted({k[0] for k in LEGACY_PAIRS} | set(_NUKTA_TAKERS)))
# Plain code points only, so the stdlib ``re`` runs it (about 4 times faster than ``regex``),
# behind a look-ahead for the characters a match can start with.
_LEGACY = re.compile(
    f"(?=[{_LEGACY_FIRST}\u093c\u093e-\u094c])(?:"
    + "|".join(LEGACY_PAIRS)
    + f"|({_SIGN})\\1+"  # हैै → है
    + f"|([{_NUKTA_TAKERS}])({_SIGN})\u093c"  # डि़ → ड़ि
    + f"|(?<={_SIGN}|[\u0900-\u0903])\u093c"  # a nukta on a vowel sign: dropped
    + ")"
)

# Every match of _LEGACY holds two neighbouring characters of these two classes (a pair's
# two characters, a doubled sign, a sign then a nukta, a sign or ँ-ः then a nukta). In Hindi
# a vowel sign or nukta seldom follows one, so this two-character search, several times
# cheaper than _LEGACY's (whose look-ahead passes at every vowel sign), settles most texts.
_LEGACY_PAIR = re.compile(
    "[" + "".join(sorted({k[0] for k in LEGACY_PAIRS})) + "\u0900-\u0903\u093e-\u094c]"
    "[" + "".join(sorted({k[1] for k in LEGACY_PAIRS})) + "\u093c\u093e-\u094c]"
)


def _legacy_fix(m: re.Match[str]) -> str:
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
    for _ in range(3):  # a repair can make a new pair (े ा ो → ो ो → ो): repeat until stable
        text, runs = _repair_once(text, runs)
        if not _LEGACY.search(text):
            break
    return text, runs


def _repair_once(text: str, runs: list[tuple[int, int, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    """One pass of repairs: the runs are cut and re-joined around each repair (the text between
    repairs keeps its runs), so the cost is in the repairs, not in the length of the text."""
    starts = [r[0] for r in runs]
    out: list[str] = []
    fixed: list[tuple[int, int, int]] = []
    at = 0  # length of the repaired text so far

    def add(rs: int, n: int) -> None:
        nonlocal at
        if fixed and fixed[-1][1] + fixed[-1][2] == rs:
            fixed[-1] = (fixed[-1][0], fixed[-1][1], fixed[-1][2] + n)
        else:
            fixed.append((at, rs, n))
        at += n

    def keep(a: int, b: int) -> None:
        """Copy text[a:b] with its raw offsets."""
        out.append(text[a:b])
        k = bisect.bisect_right(starts, a) - 1
        while a < b:
            cs, rs, n = runs[k]
            e = min(b, cs + n)
            add(rs + a - cs, e - a)
            a = e
            k += 1

    i = 0
    for m in _LEGACY.finditer(text):
        keep(i, m.start())
        g, rep = m.group(), _legacy_fix(m)
        out.append(rep)
        for j in _sources(g, rep):
            k = bisect.bisect_right(starts, m.start() + j) - 1
            add(runs[k][1] + m.start() + j - runs[k][0], 1)
        i = m.end()
    keep(i, len(text))
    return "".join(out), fixed


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
