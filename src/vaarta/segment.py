"""Sentences and tokens that respect Hindi.

Words keep their Devanagari combining marks (the ``regex`` module's ``\\w`` plus ``\\p{M}``);
sentences end at ``।``, ``॥``, ``?``, ``!`` and the full stop some outlets use, but not after
abbreviations such as ``डॉ.`` or ``यू.एस.``, and a closing quote stays with its sentence.
"""

from __future__ import annotations

import hashlib
import re

import regex

from .model import Document, Sentence, Token

# A word: letters/digits with combining marks, allowing inner joiners, hyphenated compounds,
# dotted abbreviations (यू.एस.) and digit groups (4,209 / 1.5).
_TOKEN = regex.compile(
    r"""
    \d+(?:[.,:/]\d+)*                         # numbers, 4,209  13/12/2021  1.5
    | (?:[\p{L}\p{M}]{1,3}\.){2,}             # dotted abbreviations यू.एस.  U.S.
    | [\p{L}\p{M}\p{Nd}\u200c\u200d]+(?:-[\p{L}\p{M}\p{Nd}\u200c\u200d]+)*   # words, रूस-चीन
    | \S                                      # any other single character
    """,
    regex.VERBOSE,
)

# Short Hindi and English abbreviations that end with a full stop but do not end a sentence.
ABBREVIATIONS = frozenset(
    """डॉ डा श्री श्रीमती सु कु प्रो मि मो ले जन फर अग सित अक्टू नव दिस ई पू
    Dr Mr Mrs Ms Prof St No Jr Sr vs Lt Col Gen""".split()
)

_END = regex.compile(r"[।॥?!]+|\.(?!\d)")
_CLOSERS = "\"'”’»)]"


# Every non-space character starts a token, so the text is (spaces, token) pairs: ``findall``
# of the pairs gives the offsets by addition, without a match object per token.
_SPACE_TOKEN = regex.compile(r"(\s*)(" + _TOKEN.pattern + ")", regex.VERBOSE)


# The same pattern for the stdlib ``re`` (about twice as fast here), for texts whose every
# character is in _PLAIN_BLOCKS: Latin-1, Devanagari, general punctuation (joiners, dashes,
# quotes, thin spaces) and currency signs. Its classes list the characters of those blocks
# that the ``regex`` classes match (computed from ``regex`` itself at import), so on such a
# text both patterns match alike; any other text goes to _SPACE_TOKEN.
_PLAIN_BLOCKS = ((0x0000, 0x00FF), (0x0900, 0x097F), (0x2000, 0x206F), (0x20A0, 0x20CF))
_OUTSIDE_PLAIN = re.compile("[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _PLAIN_BLOCKS) + "]")


def _plain_class(pattern: str) -> str:
    """The characters of _PLAIN_BLOCKS that ``regex`` ``pattern`` matches, as ``re`` class ranges."""
    p = regex.compile(pattern)
    cps = [c for a, b in _PLAIN_BLOCKS for c in range(a, b + 1) if p.fullmatch(chr(c))]
    out = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(f"\\U{cps[i]:08x}" if i == j else f"\\U{cps[i]:08x}-\\U{cps[j]:08x}")
        i = j + 1
    return "".join(out)


def _plain_pattern() -> re.Pattern[str]:
    sp, d = _plain_class(r"\s"), _plain_class(r"\d")
    lm, w = _plain_class(r"[\p{L}\p{M}]"), _plain_class(r"[\p{L}\p{M}\p{Nd}\u200c\u200d]")
    return re.compile(rf"([{sp}]*)([{d}]+(?:[.,:/][{d}]+)*|(?:[{lm}]{{1,3}}\.){{2,}}|[{w}]+(?:-[{w}]+)*|[^{sp}])")


_PLAIN_SPACE_TOKEN = _plain_pattern()


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word, number and punctuation tokens with offsets."""
    out: list[Token] = []
    pos = 0
    new, set_start, set_end, set_text = _NEW, _SET_START, _SET_END, _SET_TEXT
    pairs = (_SPACE_TOKEN if _OUTSIDE_PLAIN.search(text) else _PLAIN_SPACE_TOKEN).findall(text)
    for space, tok in pairs:
        pos += len(space)
        t = new(Token)  # _token(pos, end, tok), written out: ~800 tokens an article
        set_start(t, pos)
        pos += len(tok)
        set_end(t, pos)
        set_text(t, tok)
        out.append(t)
    return out


_NEW, _SET_START, _SET_END, _SET_TEXT = object.__new__, Token.start.__set__, Token.end.__set__, Token.text.__set__  # type: ignore[attr-defined]


def _token(start: int, end: int, text: str) -> Token:
    """``Token(start, end, text)`` without the frozen dataclass's ``__init__`` (which sets each
    field through ``object.__setattr__``): an article has ~800 tokens, and this halves their cost."""
    t = _NEW(Token)
    _SET_START(t, start)
    _SET_END(t, end)
    _SET_TEXT(t, text)
    return t


# Short words that end Hindi sentences: never read as initials before a full stop.
SENTENCE_FINAL = frozenset(
    """है हैं था थे थी थीं हो ही भी गा गी गे दी दिए दिया की किए किया गया गई गए रहे रहा रही ली लिया सका सकी सके
    हुआ हुई हुए हूं हूँ जी ये वे यह वह सब अब तब जब कम ना न तो दो दें लें करें रखा रखी बना बनी बने मिला मिली मिले""".split()
)
LETTER_NAMES = frozenset("ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड ज़ेड".split())
_AKSHARA = r"\p{L}\p{M}*(?:\u094d\p{L}\p{M}*)*"
_ONE_AKSHARA = regex.compile(_AKSHARA)
_LAST_WORD = regex.compile(r"([\p{L}\p{M}]+)$")
_LATIN_CAPITAL = regex.compile(r"[A-Z]")
_LINE = regex.compile(r"[^\n]+")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or initial rather than a sentence."""
    m = _LAST_WORD.search(text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m.group(1)
    if word in ABBREVIATIONS:
        return True
    if word in SENTENCE_FINAL:
        return False
    before = dot - len(word) - 1
    if before >= 0 and text[before] not in " \n\t(\"“'‘":  # glued to something else: not an initial
        return text[before] == "."  # the last part of यू.एस.
    # an initial: the Hindi name of a Latin letter (एस., डी., डब्ल्यू.), one akshara, or one Latin capital
    return word in LETTER_NAMES or bool(_ONE_AKSHARA.fullmatch(word)) or bool(_LATIN_CAPITAL.fullmatch(word))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; newlines always end a sentence (headlines, subheadings)."""
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        base = line.start()
        s = line.group()
        start = 0
        for m in _END.finditer(s):
            if m.group() == "." and _is_abbreviation(s, m.start()):
                continue
            end = m.end()
            while end < len(s) and s[end] in _CLOSERS:
                end += 1
            _emit(out, text, base + start, base + end)
            start = end
        _emit(out, text, base + start, base + len(s))
    return out


def _emit(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        s = _NEW(Sentence)  # Sentence(start, end, …) without the frozen dataclass's __init__
        _SENT_START(s, start)
        _SENT_END(s, end)
        _SENT_TEXT(s, text[start:end])
        out.append(s)


_SENT_START, _SENT_END, _SENT_TEXT = Sentence.start.__set__, Sentence.end.__set__, Sentence.text.__set__  # type: ignore[attr-defined]


def make_document(
    text: str,
    published: str | None = None,
    id: str | None = None,
    title: str | None = None,
    source: str = "<text>",
) -> Document:
    """A Document over already-clean ``text`` (identity offset map): for tests and library use."""
    return Document(
        id=id or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        source=source,
        raw=text,
        text=text,
        offsets=((0, 0, len(text)),) if text else (),
        removed=(),
        sentences=tuple(split_sentences(text)),
        tokens=tuple(tokenize(text)),
        title=title,
        published=published,
    )
