"""Where the time-expression patterns must look: anchor words as bits over the stretches of a
text (split from :mod:`vaarta.timex_patterns` so that each module stays small)."""

from __future__ import annotations

import bisect
import re
import unicodedata

import regex

from .segment import _OUTSIDE_PLAIN, _plain_class


def _lm(c: str) -> bool:
    """Is ``c`` a letter or a mark (category L or M)?"""
    return c.isalpha() or unicodedata.category(c)[0] == "M"


def _lmn(c: str) -> bool:
    """Is ``c`` a letter, a mark or a number (category L, M or N)?"""
    return unicodedata.category(c)[0] in "LMN"


_DIGIT_RUN = re.compile("[0-9०-९]+")
# ASCII forms are matched case-insensitively: İ ı ſ K (Kelvin) fold to Latin letters too
_LATIN_RUN = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]+")
_RUN = regex.compile(r"[\p{L}\p{M}]+")
_NOT_RUN = regex.compile(r"[^\p{L}\p{M}]+")
# The same on the stdlib ``re`` (faster), for texts whose every character is in the plain
# blocks of segment.py: its class lists those blocks' characters that ``[\p{L}\p{M}]`` matches
# (computed from ``regex`` at import), so both split such a text alike; any other text (a
# character outside them, ½ or a letter of another block) is split with _NOT_RUN.
_PLAIN_NOT_RUN = re.compile("[^" + _plain_class(r"[\p{L}\p{M}]") + "]+")
# No match of any pattern contains one of these characters (lexicon forms hold none, and no
# pattern element matches them), and every lookaround reads them as it reads the end of the
# text. So the text splits into stretches at them, and a pattern need only be run over the
# stretches that hold its anchor: the matches are exactly those of a scan of the whole text
# (tests/test_timex.py compares both on real articles and generated text).
_BOUND = "।॥?!"
_BOUND_RE = re.compile(f"[{_BOUND}]")


class _Anchors:
    """Anchors of all patterns as bits: which stretches of a text each pattern must scan."""

    def __init__(self, specs: list[tuple[tuple[tuple[str, ...], str], ...] | None], starts: list[frozenset[str] | None]) -> None:
        distinct: dict[tuple[tuple[str, ...], str], int] = {}
        self.bits: list[int | None] = []  # per pattern: the anchors a stretch must hold, all of them
        for spec in specs:
            if spec is None:
                self.bits.append(None)
                continue
            need = 0
            for req in spec:
                need |= distinct.setdefault(req, 1 << len(distinct))
            self.bits.append(need)
        self.word_bits: dict[str, int] = {}
        res: dict[str, int] = {}
        for (words, rx), bit in distinct.items():
            for w in words:
                self.word_bits[w] = self.word_bits.get(w, 0) | bit
            if rx:
                res[rx] = res.get(rx, 0) | bit
        self.res = [(re.compile(rx), bit) for rx, bit in res.items()]
        # per pattern: its start words, with "0" when it may start with a digit and "a" when with
        # a Latin letter (keys of stretch_starts; timex_patterns._start_words), or None
        self.starts: list[frozenset[str] | None] = list(starts)
        self.every_start: frozenset[str] = frozenset().union(*(x for x in self.starts if x is not None))
        self.words = frozenset(self.word_bits) | self.every_start

    def stretch_masks(self, text: str) -> tuple[list[int], list[int], list[frozenset[str]]]:
        """(start of each stretch, bits of the anchors it holds, its anchor and start words)."""
        parts = _BOUND_RE.split(text)
        starts: list[int] = []
        masks: list[int] = []
        present: list[frozenset[str]] = []
        pos = 0
        word_bits, words = self.word_bits, self.words
        split = _NOT_RUN.split if _OUTSIDE_PLAIN.search(text) else _PLAIN_NOT_RUN.split
        for part in parts:
            starts.append(pos)
            mask = 0
            found = words.intersection(split(part))
            for w in found:
                mask |= word_bits.get(w, 0)
            masks.append(mask)
            present.append(found)
            pos += len(part) + 1
        for rx, bit in self.res:
            pos, n = 0, len(text)
            while pos < n and (m := rx.search(text, pos)) is not None:
                i = bisect.bisect_right(starts, m.start()) - 1
                masks[i] |= bit
                pos = starts[i + 1] if i + 1 < len(starts) else n
        return starts, masks, present

    def stretch_starts(self, text: str, lo: int, hi: int, present: frozenset[str]) -> dict[str, list[int]]:
        """Where, in ``text[lo:hi]`` (a stretch), a match of a pattern with start words may begin:
        for each start word among the stretch's words (``present``), the places where it is a
        whole letter run not preceded by a digit (nor by a letter or mark); under ``"0"`` the digit runs and under
        ``"a"`` the Latin letter runs not preceded by a letter, mark or digit. Each list sorted."""
        out: dict[str, list[int]] = {}
        size = len(text)
        for w in self.every_start.intersection(present):
            n = len(w)
            found: list[int] = []
            p = text.find(w, lo, hi)
            while p >= 0:
                if (p == 0 or not _lmn(text[p - 1])) and (p + n >= size or not _lm(text[p + n])):
                    found.append(p)
                p = text.find(w, p + n, hi)
            if found:
                out[w] = found
        for key, rx in (("0", _DIGIT_RUN), ("a", _LATIN_RUN)):
            found = [p for p in (m.start() for m in rx.finditer(text, lo, hi)) if p == 0 or not _lmn(text[p - 1])]
            if found:
                out[key] = found
        return out

    @staticmethod
    def regions(need: int, starts: list[int], masks: list[int], n: int) -> list[tuple[int, int]]:
        """Runs of neighbouring stretches whose mask has all of ``need``, as (start, end) offsets."""
        out: list[tuple[int, int]] = []
        for i, mask in enumerate(masks):
            if mask & need == need:
                end = starts[i + 1] - 1 if i + 1 < len(starts) else n
                if out and out[-1][1] == starts[i] - 1:
                    out[-1] = (out[-1][0], end)
                else:
                    out.append((starts[i], end))
        return out
