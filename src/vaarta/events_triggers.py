"""Finding trigger words for :mod:`vaarta.events`: one pass per trigger over a document's
sentences, the light verb a verbal trigger needs, and the spans of reported speech.

Helpers of :mod:`vaarta.events`; pure functions of the text and the read-only lexicon.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex

from .events_lexicon import WORD_START, Lexicon, Trigger, match_at, prefix_index, prefix_scanner

# Speech content: quotation marks, and the clause after a verb of saying.
_QUOTED = regex.compile(r"[“\"‘][^“”\"‘’]{3,}?[”\"’]")
# The content of a demand, an accusation or a complaint (मांग की है कि … बंद कर दिये जाएं,
# आरोप लगाया कि … लॉकडाउन लागू करने से …) is what was asked for or alleged, not a happening.
_SAID = regex.compile(
    r"(?:कहा|बताया|कहना\s+है|कहना\s+था|(?:आरोप|इल्ज़ाम|इल्जाम)\s+लगाया|(?:मांग|माँग|अपील|शिकायत)\s+की|(?:आग्रह|अनुरोध)\s+किया)"
    r"(?:\s+(?:है|हैं|था|थी|थे))?\s*,?\s*कि\s+[^।?!\n]*?(?=[।?!\n]|\.(?:\s|$)|$)"
    # unquoted direct speech after a comma or colon: "गांधी ने ट्वीट किया, पूरे देश के लिए …"
    r"|(?:कहा|लिखा|ट्वीट\s+किया)\s*[,:]\s+[^।?!\n“\"‘]*?(?=[।?!\n]|\.(?:\s|$)|$)"
)
# Particles that may sit between a verbal trigger and its light verb.
_PARTICLES = regex.compile(r"\s+(?:भी|ही|तो|नहीं|न)(?=\s)")
_AUX_OK = regex.compile(
    r"\s*(?:$|[।.,;:?!\"”’)]|(?:है|हैं|था|थी|थे|गई|गया|गए|गयी|दी|दिया|लिया|ली|रहे|रही|रहा|चुके|चुकी|सकते|सकता|सकती|"
    r"जा|जाएगी|जाएगा|और|कि|थीं|हुए|हुई|हुआ|हो|होगी|होगा|करेंगे|करेगा|करेगी|करने|दें|दे|जाए|जाएं|गयीं|गईं|पड़ा)(?![\p{L}\p{M}]))"
)
_SPACES = regex.compile(r"\s*")


# Every match of _SAID starts with one of these words: it is tried only where one occurs.
_SAID_FIRST = ("कहा", "बताया", "कहना", "आरोप", "इल्ज़ाम", "इल्जाम", "मांग", "माँग", "अपील", "शिकायत", "आग्रह", "अनुरोध", "लिखा", "ट्वीट")


def _said_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _SAID.finditer(text)]``, trying the pattern only where one of its
    first words occurs (resuming after each match as ``finditer`` does): same spans, a tenth
    of the scan."""
    at: set[int] = set()
    for w in _SAID_FIRST:
        i = text.find(w)
        while i >= 0:
            at.add(i)
            i = text.find(w, i + 1)
    out: list[tuple[int, int]] = []
    last = 0
    for i in sorted(at):
        if i >= last and (m := _SAID.match(text, i)):
            out.append(m.span())
            last = m.end()
    return out


def _speech_spans(text: str) -> list[tuple[int, int]]:
    """Quoted and reported-speech spans, merged where they overlap, in text order."""
    spans = sorted([(m.start(), m.end()) for m in _QUOTED.finditer(text)] + _said_spans(text))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``spans`` (``starts``: their starts)."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


def _triggers_in(sent: str, lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    """Non-overlapping trigger matches in a sentence, longest first then lexicon order."""
    return _non_overlapping(
        [(m.start(), m.end(), t) for t in lex.triggers for m in t.pattern.finditer(sent) if m.end() > m.start()]
    )


def _non_overlapping(found: list[tuple[int, int, Trigger]]) -> list[tuple[int, int, Trigger]]:
    found.sort(key=lambda x: (-(x[1] - x[0]), x[2].rank))
    kept: list[tuple[int, int, Trigger]] = []  # disjoint, in text order
    starts: list[int] = []
    for f in found:
        i = bisect_right(starts, f[0])  # kept[i - 1] starts at or before f, kept[i] after it
        if (i and kept[i - 1][1] > f[0]) or (i < len(kept) and kept[i][0] < f[1]):
            continue
        kept.insert(i, f)
        starts.insert(i, f[0])
    return kept


# Joins the sentences of a document for one trigger pass: a newline on each side looks like
# the end/start of a string to every trigger's look-arounds (\s, not a letter), and NUL, which
# no trigger matches, keeps a match from running into the next sentence.
_SENT_SEP = "\n\x00\n"


def _triggers_by_sentence(sents: Sequence[str], lex: Lexicon) -> list[list[tuple[int, int, Trigger]]]:
    """``[_triggers_in(s, lex) for s in sents]`` from one pass over the joined sentences
    instead of one per trigger and sentence (the stage's hot loop).

    Every match of a trigger starts at a word start with one of its literal starts
    (``Lexicon.trigger_starts``, up to 12 characters). One stdlib ``re`` scan
    (``Lexicon.prefix_scan``, a trie of all of them) finds where the longest one begins; its
    row of ``Lexicon.prefix_table`` names the triggers that may match there, and each
    pattern is tried only at its positions, resuming after each match as ``finditer`` does:
    the same matches for a fraction of the work. A trigger whose starts could not be read is
    scanned in full."""
    joined = _SENT_SEP.join(sents)
    starts: list[int] = []
    pos = 0
    for s in sents:
        starts.append(pos)
        pos += len(s) + len(_SENT_SEP)
    found: list[list[tuple[int, int, Trigger]]] = [[] for _ in sents]
    triggers = lex.triggers
    table, scan, screens = lex.prefix_table, lex.prefix_scan, lex.trigger_starts
    if table is None or len(screens) != len(triggers):  # a Lexicon built by hand
        screens = lex.prefixes if len(lex.prefixes) == len(triggers) else (None,) * len(triggers)
        table, scan = prefix_index(screens), prefix_scanner(p for pre in screens for p in pre or ())
    cands: dict[int, list[int]] = {}
    if scan is not None:
        # where the longest listed string at a word start begins; its table row names every
        # trigger with a listed string there
        after: dict[str, bool] = {}  # per character: whether a word may start after it
        for hit in scan.finditer(joined):
            i = hit.start()
            prev = joined[i - 1] if i else " "
            ok = after.get(prev)
            if ok is None:
                ok = after[prev] = _LETTER_OR_MARK.match(prev) is None
            if ok:
                for ti in table[hit.group()]:
                    c = cands.get(ti)
                    if c is None:
                        cands[ti] = [i]
                    else:
                        c.append(i)
    elif table:
        lengths = sorted({len(k) for k in table}, reverse=True)
        for i in (m.start() for m in _WORD_STARTS.finditer(joined)):
            row = next((r for n in lengths if (r := table.get(joined[i : i + n])) is not None), ())
            for ti in row:
                cands.setdefault(ti, []).append(i)
    for ti, t in enumerate(triggers):
        if screens[ti] is not None:
            spans = []
            last = 0
            for p in cands.get(ti, ()):
                if p >= last:
                    m = match_at(t.pattern, joined, p)
                    if m:
                        spans.append(m.span())
                        last = m.end()
        else:
            spans = [m.span() for m in t.pattern.finditer(joined)]
        for a, b in spans:
            if b > a:
                k = bisect_right(starts, a) - 1
                found[k].append((a - starts[k], b - starts[k], t))
    return [_non_overlapping(f) if f else f for f in found]


_WORD_STARTS = regex.compile(WORD_START + r"\p{L}")
_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}\u200c\u200d]")  # what WORD_START looks behind for


def _verb_follows(sent: str, end: int, lex: Lexicon) -> int | None:
    """End of the light verb after a verbal trigger, or None when none follows."""
    pos = end
    while True:
        p = _PARTICLES.match(sent, pos)
        if not p:
            break
        pos = p.end()
    m = _SPACES.match(sent, pos)
    pos = m.end() if m else pos
    lv = lex.light_verb.match(sent, pos)
    if not lv:
        return None
    # "सहयोग की सराहना की": the light-verb look-alike is a genitive before another noun
    if lv.group() in ("की", "के", "का") and not _AUX_OK.match(sent, lv.end()):
        return None
    return lv.end()
