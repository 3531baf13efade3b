"""The events stage's shortcuts (round 4b of issue 5) find exactly what the plain scans find."""

from __future__ import annotations

import dataclasses
import random

import regex

from vaarta.events_lexicon import load_lexicon, prefix_index, prefix_scanner, trigger_starts
from vaarta.events_roles import casualties, marker_after, marker_memo
from vaarta.events_triggers import _SAID, _said_spans, _triggers_by_sentence, _triggers_in

# Words that start, end or sit next to triggers, written for these tests (no corpus text).
_WORDS = (
    "भारत ने नेपाल से बातचीत की बात बातें वार्ता बैठक हमला हमले में हमलावर मौत मौतें घायल बाढ़ भूकंप भू-स्खलन "
    "मदद भेजी भेजा लॉकडाउन लागू किया गया कर्फ्यू प्रदर्शन विरोध गिरफ्तार रिहा समझौता हस्ताक्षर किए आरोप लगाया "
    "कहा कि मांग अपील शिकायत ट्वीट लिखा बताया 12 लोगों की हो गई , । : “ ” . ? अमेरिकी सरकार दौरा यात्रा पहुंचे"
).split()
_GLUE = ("", " ", " ", "  ", "\n")


def _salad(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_WORDS) + rng.choice(_GLUE) for _ in range(n))


def test_trigger_starts_begin_every_match() -> None:
    lex = load_lexicon()
    rng = random.Random(5)
    texts = [_salad(rng, 12) for _ in range(150)] + ["बिहार में भीषण बाढ़ आई", "भारत ने नेपाल से बातचीत की"]
    for t, starts in zip(lex.triggers, lex.trigger_starts, strict=True):
        assert starts is not None
        for s in texts:
            for m in t.pattern.finditer(s):
                assert s.startswith(starts, m.start()), (t.type, m.group())


def test_trigger_starts_are_cut_after_a_non_letter() -> None:
    assert trigger_starts("भू-स्खलन") == ("भू-",)
    assert trigger_starts("(?:बम\\s*(?:विस्फोट)?|विस्फोट)") == ("बम", "बमविस्फोट", "विस्फोट")
    assert trigger_starts("\\w+") is None


def test_prefix_table_row_names_the_triggers_of_every_shorter_string() -> None:
    table = prefix_index([("बात",), ("बातचीत", "वार्ता"), None])
    assert table == {"बात": (0,), "बातचीत": (0, 1), "वार्ता": (1,)}


def test_prefix_scanner_finds_every_word_start_with_a_listed_string() -> None:
    words = ["बात", "बातचीत", "भू-", "हम"]
    scan = prefix_scanner(words)
    assert scan is not None
    assert prefix_scanner(["a-b"]) is None  # a non-letter before the last character
    rng = random.Random(3)
    starts = regex.compile(r"(?<![\p{L}\p{M}\u200c\u200d])(?=" + "|".join(regex.escape(w) for w in words) + ")")
    for _ in range(300):
        s = _salad(rng, 10)
        found = {m.start() for m in scan.finditer(s)}
        assert {m.start() for m in starts.finditer(s)} <= found, s


def test_prefix_scanner_skips_positions_after_a_letter() -> None:
    scan = prefix_scanner(["बात"])
    assert scan is not None
    text = "बात अबात xबात 5बात"
    assert [m.start() for m in scan.finditer(text)] == [0, text.index("5") + 1]


def test_one_trigger_pass_equals_per_sentence_passes_on_random_text() -> None:
    lex = load_lexicon()
    rng = random.Random(7)
    for _ in range(40):
        sents = [_salad(rng, rng.randint(1, 14)).replace("\n", " ") for _ in range(rng.randint(1, 6))]
        assert _triggers_by_sentence(sents, lex) == [_triggers_in(s, lex) for s in sents]


def test_a_hand_built_lexicon_without_the_screen_finds_the_same_triggers() -> None:
    lex = load_lexicon()
    bare = dataclasses.replace(lex, trigger_starts=(), prefix_table=None, prefix_scan=None)
    sents = ["भारत ने नेपाल से बातचीत की।", "बाढ़ में 12 लोगों की मौत हो गई", "भू-स्खलन से सड़क बंद"]
    assert _triggers_by_sentence(sents, bare) == _triggers_by_sentence(sents, lex)


def test_said_spans_equal_finditer() -> None:
    rng = random.Random(11)
    texts = [_salad(rng, rng.randint(1, 20)) for _ in range(3000)]
    texts += ["मंत्री ने कहा कि सरकार मदद करेगी। फिर उन्होंने लिखा: सब ठीक है. अंत"]
    for t in texts:
        assert _said_spans(t) == [m.span() for m in _SAID.finditer(t)], t


def test_casualty_screen_changes_nothing() -> None:
    lex = load_lexicon()
    unscreened = dataclasses.replace(lex, casualty_words=())
    rng = random.Random(13)
    texts = [_salad(rng, 12) for _ in range(300)] + ["हमले में 14 लोगों की मौत हो गई, 30 घायल", "कोई खबर नहीं"]
    for t in texts:
        assert casualties(t, lex) == casualties(t, unscreened), t


def test_marker_memo_remembers_marker_after() -> None:
    lex = load_lexicon()
    text = "भारत ने नेपाल से बातचीत की"
    memo = marker_memo()
    for pos in (4, 4, 11, 0):
        assert memo(text, pos, lex) == marker_after(text, pos, lex)
