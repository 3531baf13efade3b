"""The Hindi trigger lexicon for :mod:`vaarta.events`, loaded from ``data/event_triggers.json``.

The JSON file holds every word list and pattern (its ``source`` field says where they come
from); this module only compiles them. Loading is cached per path, so a process compiles
the lexicon once and stages stay pure functions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

DEFAULT_PATH = Path(__file__).with_name("data") / "event_triggers.json"

# A word starts where no letter or combining mark precedes.
WORD_START = r"(?<![\p{L}\p{M}\u200c\u200d])"
WORD_END = r"(?![\p{L}\p{M}\u200c\u200d])"

# How far (characters) a pattern matched at one position of a whole article may reach. The
# regex module looks for a pattern's required literal (the ":" of "[ \t]*:", the "(" of
# "\s*\(") from the position to the end of the string before matching, so an unbounded
# ``p.match(text, pos)`` costs the rest of the article whenever that literal is rare: linear
# per call, quadratic per article. Every such match of the events stage goes through
# :func:`match_at`, whose end bound keeps it local (no pattern here spans 1000 characters).
MATCH_WINDOW = 1000


def match_at(pattern: regex.Pattern[str], text: str, pos: int) -> regex.Match[str] | None:
    """``pattern.match(text, pos)`` looking no further than MATCH_WINDOW characters ahead."""
    return pattern.match(text, pos, pos + MATCH_WINDOW)


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    kind: str  # "verb": needs a light verb after it; "noun": counts alone
    mode: str | None
    pattern: regex.Pattern[str]
    rank: int  # position in the file: earlier entries win ties
    frame: str | None = None  # "measure": curfew/lockdown, imposed on a place, agent only if named
    halt: bool = False  # the negation is the measure: "ट्रेनें नहीं चलेंगी" is a halt, not a denial


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    light_verb: regex.Pattern[str]
    planned: regex.Pattern[str]
    possible: regex.Pattern[str]
    negation: regex.Pattern[str]
    modes: tuple[tuple[str, regex.Pattern[str]], ...]
    role_words: regex.Pattern[str]
    death: regex.Pattern[str]
    injury: regex.Pattern[str]
    person_nouns: str
    numbers: dict[str, int]
    multipliers: dict[str, int]
    vague: regex.Pattern[str]
    capital_country: dict[str, str]
    passive: regex.Pattern[str]  # searched from the trigger to a few words after it: "… कर दिया गया"
    sub_place: regex.Pattern[str]  # गांव, थाना …: a place below the district
    place_level: str  # जिले, प्रांत …: words between the places of an "A के B जिले में" chain
    intention: regex.Pattern[str]  # सहयोग बढ़ाने की इच्छा: a verbal trigger as an intention (planned)
    name_modifier: regex.Pattern[str]  # बरौनी एक्सप्रेस: a place name inside another name
    authority_kinds: frozenset[str]  # KB kinds whose place stands for its government (Sindh, Bihar)
    # KB kinds never taken as actor or recipient: a town is a place (सोपोर लाने की मांग), a news
    # agency an interviewer (एएफ़पी से बात करते हुए); no gold/dev participant is of these kinds.
    non_party_kinds: frozenset[str] = frozenset()
    # What a bare "भेजा/भेजेगा" must send to be AID (within AID_SEND_WORDS words before it):
    # पुलिस ने शवों को पोस्टमार्टम के लिए भेजा is not aid.
    aid_send_objects: regex.Pattern[str] | None = None
    # A bare measure noun (लॉकडाउन, कर्फ्यू) followed by a state word (के दौरान, के कारण, में, से …)
    # names a state, not its imposition, unless a cue word (लगाया, लागू, घोषणा, बढ़ाने …) follows
    # within MEASURE_CUE_WORDS words.
    measure_bare: regex.Pattern[str] | None = None
    measure_state: regex.Pattern[str] | None = None
    measure_cue: regex.Pattern[str] | None = None
    # Per trigger (same order), literal strings one of which every match starts with, or None
    # when no such list could be read from the pattern: a trigger none of whose strings occurs
    # in a text cannot match there (see :func:`literal_prefixes`).
    prefixes: tuple[tuple[str, ...] | None, ...] = ()
    # The screen of the trigger pass: per trigger, longer literal starts (:func:`trigger_starts`);
    # all of them as one table, string -> the triggers that may match where it is the longest
    # listed string (:func:`prefix_index`); and one pattern finding them (:func:`prefix_scanner`).
    trigger_starts: tuple[tuple[str, ...] | None, ...] = ()
    prefix_table: dict[str, tuple[int, ...]] | None = None
    prefix_scan: re.Pattern[str] | None = None
    # (death, injury) casualty patterns: "N (people) <word>", "<word> की संख्या (बढ़कर) N".
    casualty_patterns: tuple[tuple[regex.Pattern[str], ...], ...] = ()
    # (death, injury) words anywhere (no word start): a text with none has no casualty match.
    casualty_words: tuple[regex.Pattern[str], ...] = ()
    # Epidemic counts (round 6): a document about an outbreak (its words anywhere in the text)
    # lets a bare "N और लोगों की मौत" report deaths; new deaths (N और लोगों की मौत, N नई मौतें;
    # group ``num``) are told from running totals (अब तक N, कुल N, मरने वालों की संख्या N हो
    # गई); a new-case phrase (नए मामले) keeps a report whose deaths are a total.
    epidemic_context: regex.Pattern[str] | None = None
    epidemic_new_deaths: regex.Pattern[str] | None = None
    epidemic_total: regex.Pattern[str] | None = None
    epidemic_new_cases: regex.Pattern[str] | None = None
    epidemic_death_trigger: regex.Pattern[str] | None = None
    # After a place: it is where a patient came from or belongs (इटली से लौटा, इटली के 16
    # पर्यटक, इटली की यात्रा), not the place of an epidemic count.
    epidemic_not_place: regex.Pattern[str] | None = None
    # A bare हमला by a party or politician is an ACCUSE unless one of these harm words (weapons,
    # blows, hospital) is in the sentence; "राज्य सरकार" names the article's one state government.
    harm_words: regex.Pattern[str] | None = None
    state_government: regex.Pattern[str] | None = None


# How many characters of each trigger's possible match starts to list (more: fewer texts
# pass the screen, longer lists to check; a Devanagari syllable is 1-3 code points).
PREFIX_CHARS = 3
# How many characters of each trigger's literal starts the trigger pass looks for (nine in ten
# positions found by three characters fail their pattern; twelve drop about half of those).
LONG_PREFIX_CHARS = 12


def literal_prefixes(pattern: str, k: int = PREFIX_CHARS) -> tuple[str, ...] | None:
    """Strings one of which starts every match of ``pattern`` (look-arounds ignored: they
    consume nothing), each at most ``k`` characters; None when a match may start with a
    character class too broad to list (\\w, \\s …) or the pattern cannot be parsed.

    Uses the standard library's regular expression parser (``re._parser``) after writing
    ``\\p{L}``/``\\p{M}`` as ``\\w``; a pattern it cannot read is simply not screened."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        tree = sre_parse.parse(pattern.replace(r"\p{L}", r"\w").replace(r"\p{M}", r"\w"))
    except Exception:
        return None
    out = {s for s, _open in _seq_prefixes(list(tree), k, sre_parse)}
    if "" in out or len(out) > 400 or not all(regex.match(r"\p{L}", p) for p in out):
        return None  # events.py looks the strings up at word starts, which begin with a letter
    return tuple(sorted(out))


def trigger_starts(pattern: str) -> tuple[str, ...] | None:
    """Literal strings one of which starts every match of ``pattern``: its literal prefixes of
    up to LONG_PREFIX_CHARS characters (else PREFIX_CHARS), each cut after its first character
    that is not a letter or mark (so that :func:`prefix_scanner` can scan for them); None when
    no such list can be read."""
    pre = literal_prefixes(pattern, LONG_PREFIX_CHARS) or literal_prefixes(pattern)
    if pre is None:
        return None
    return tuple(sorted({_LETTERS_AND_ONE.match(p).group() for p in pre}))  # type: ignore[union-attr]


_LETTERS_AND_ONE = regex.compile(r"[\p{L}\p{M}\u200c\u200d]*.?", regex.DOTALL)


def prefix_index(starts: Sequence[tuple[str, ...] | None]) -> dict[str, tuple[int, ...]]:
    """The strings of ``starts`` (per trigger) as one table: string -> the indices of the
    triggers one of whose strings is a prefix of it (itself included), so that the longest
    listed string at a position names every trigger that may match there."""
    own: dict[str, set[int]] = {}
    for ti, pre in enumerate(starts):
        for p in pre or ():
            own.setdefault(p, set()).add(ti)
    return {k: tuple(sorted(set().union(*(own.get(k[:n], ()) for n in range(1, len(k) + 1))))) for k in own}


def prefix_scanner(strings: Iterable[str]) -> re.Pattern[str] | None:
    """One stdlib ``re`` pattern matching any of ``strings`` (longest first), written as a trie;
    None when a string holds a character other than a letter or mark before its last one.

    Its matches are non-overlapping, but within a match every character before the last is a
    letter or mark, so a match that starts inside a word never covers a word start: every word
    start where one of ``strings`` begins starts a match. It does not start after a letter it
    can name (``_NOT_AFTER_LETTER``); callers still test the word start themselves."""
    words = sorted(set(strings))
    if not words or not all(regex.fullmatch(r"[\p{L}\p{M}\u200c\u200d]*", w[:-1]) for w in words):
        return None
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return re.compile(_NOT_AFTER_LETTER + emit(trie))


# A look-behind for the scanner: a character that is surely a letter or mark (of WORD_START's
# class; Devanagari, Basic Latin letters, ZWNJ/ZWJ; stdlib re has no \p{L}). Positions after
# one are not word starts, so the scanner skips them without entering its trie (about a fifth
# of its time); positions after any other letter are still found, and the trigger pass drops
# them with its own WORD_START test. Word-start matches are unchanged: a match never covers a
# word start (see above), with or without the look-behind.
_NOT_AFTER_LETTER = (
    "(?<!["
    + "".join(
        re.escape(c)
        for c in map(chr, [*range(0x900, 0x980), *range(0x41, 0x5B), *range(0x61, 0x7B), 0x200C, 0x200D])
        if regex.match(r"[\p{L}\p{M}\u200c\u200d]", c)
    )
    + "])"
)


def _seq_prefixes(items: list[object], k: int, sp: object) -> set[tuple[str, bool]]:
    # (prefix, open): open when the whole sequence was consumed and what follows may extend it
    cur: set[tuple[str, bool]] = {("", True)}
    for item in items:
        new: set[tuple[str, bool]] = set()
        for s, is_open in cur:
            if not is_open or len(s) >= k:
                new.add((s[:k], False))
                continue
            for t, o2 in _item_prefixes(item, k - len(s), sp):
                new.add((s + t, o2))
        cur = new
    return cur


def _item_prefixes(item: object, k: int, sp: object) -> set[tuple[str, bool]]:
    from re import _constants as c  # type: ignore[attr-defined]

    op, av = item  # type: ignore[misc]
    if op is c.LITERAL:
        return {(chr(av), True)}
    if op is c.IN:
        if all(o is c.LITERAL for o, _ in av):
            return {(chr(v), True) for _, v in av}
        return {("", False)}
    if op is c.SUBPATTERN:
        return _seq_prefixes(list(av[-1]), k, sp)
    if op is c.ATOMIC_GROUP:
        return _seq_prefixes(list(av), k, sp)
    if op is c.BRANCH:
        return set().union(*(_seq_prefixes(list(b), k, sp) for b in av[1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, _hi, body = av
        once = {(s, False) for s, _ in _seq_prefixes(list(body), k, sp)}  # truncated after one pass
        return once | {("", True)} if lo == 0 else once
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return {("", True)}  # zero-width
    return {("", False)}


def _word(p: str) -> regex.Pattern[str]:
    return regex.compile(WORD_START + p)


def _number(nums: list[str], group: str = "num") -> str:
    """A number in digits (4,209, 2 लाख) or Hindi number words (दो हजार) as a named group."""
    words = sorted(set(nums), key=len, reverse=True)
    w = "|".join(regex.escape(x) for x in words)
    return rf"(?P<{group}>\d+(?:,\d+)*(?:\s+(?:{w}))?|(?:(?:{w})\s+){{0,2}}(?:{w}))"


def _with_numbers(pattern: str, nums: list[str]) -> regex.Pattern[str]:
    # each {NUM} of a lexicon pattern becomes a number group: num, num2, …
    parts = pattern.split("{NUM}")
    out = parts[0]
    for i, p in enumerate(parts[1:]):
        out += _number(nums, "num" if i == 0 else f"num{i + 1}") + p
    return regex.compile(WORD_START + out + WORD_END)


def _casualty_patterns(
    death: regex.Pattern[str], injury: regex.Pattern[str], person_nouns: str, nums: list[str]
) -> tuple[tuple[regex.Pattern[str], ...], ...]:
    num = _number(nums)
    filler = rf"(?:\s+(?:{person_nouns}|[\p{{L}}\p{{M}}]+(?:ों|ियों)))" + "{0,3}"
    out = []
    for kind in (death, injury):
        body = kind.pattern[len(WORD_START) :]
        out.append(
            (
                regex.compile(WORD_START + num + filler + r"\s+(?:" + body + ")"),
                regex.compile("(?:" + body + r")(?:\s+वालों)?\s+की\s+संख्या\s+(?:बढ़कर\s+)?" + num + WORD_END),
            )
        )
    return tuple(out)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Compile the lexicon at ``path`` (default: the packaged file)."""
    data = json.loads(Path(path or DEFAULT_PATH).read_text(encoding="utf-8"))
    triggers = tuple(
        Trigger(t["type"], t["kind"], t.get("mode"), _word(t["pattern"]), i, t.get("frame"), bool(t.get("halt")))
        for i, t in enumerate(data["triggers"])
    )
    death, injury = _word(data["death_words"]), _word(data["injury_words"])
    nums = list(data["numbers"]) + list(data["multipliers"])
    prefixes = tuple(literal_prefixes(t["pattern"]) for t in data["triggers"])
    starts = tuple(trigger_starts(t["pattern"]) for t in data["triggers"])
    opt = {k: data.get(k) for k in ("epidemic_context", "epidemic_total", "epidemic_new_cases", "epidemic_death_trigger")}
    return Lexicon(
        triggers=triggers,
        light_verb=regex.compile(WORD_START + data["light_verbs"] + WORD_END),
        planned=_word(data["planned"]),
        possible=_word(data["possible"]),
        negation=regex.compile(WORD_START + data["negation"] + WORD_END),
        modes=tuple((m["mode"], _word(m["pattern"])) for m in data["modes"]),
        role_words=regex.compile(WORD_START + data["role_words"] + WORD_END),
        death=death,
        injury=injury,
        person_nouns=data["person_nouns"],
        numbers=dict(data["numbers"]),
        multipliers=dict(data["multipliers"]),
        vague=_word(data["vague_numbers"]),
        capital_country=dict(data["capital_country"]),
        passive=regex.compile(WORD_START + data["passive"] + WORD_END),
        sub_place=regex.compile(r"\s*" + data["sub_place_words"] + WORD_END),
        place_level=data["place_level_words"],
        intention=regex.compile(r"\s*" + data["intention"] + WORD_END),
        name_modifier=regex.compile(r"\s*" + data["name_modifier_words"] + WORD_END),
        authority_kinds=frozenset(data["authority_place_kinds"]),
        non_party_kinds=frozenset(data.get("non_party_kinds", ())),
        aid_send_objects=_word(data["aid_send_objects"] + WORD_END) if "aid_send_objects" in data else None,
        measure_bare=regex.compile(data["measure_bare"] + "$") if "measure_bare" in data else None,
        measure_cue=_word(data["measure_cue"]) if "measure_cue" in data else None,
        measure_state=regex.compile(data["measure_state"]) if "measure_state" in data else None,
        prefixes=prefixes,
        trigger_starts=starts,
        prefix_table=prefix_index(starts),
        prefix_scan=prefix_scanner(p for pre in starts for p in pre or ()),
        casualty_patterns=_casualty_patterns(death, injury, data["person_nouns"], nums),
        casualty_words=tuple(regex.compile(k.pattern[len(WORD_START) :]) for k in (death, injury)),
        epidemic_context=_word(opt["epidemic_context"]) if opt["epidemic_context"] else None,
        epidemic_new_deaths=_with_numbers(data["epidemic_new_deaths"], nums) if "epidemic_new_deaths" in data else None,
        epidemic_total=_word(opt["epidemic_total"] + WORD_END) if opt["epidemic_total"] else None,
        epidemic_new_cases=_word(opt["epidemic_new_cases"]) if opt["epidemic_new_cases"] else None,
        epidemic_death_trigger=_word(opt["epidemic_death_trigger"]) if opt["epidemic_death_trigger"] else None,
        epidemic_not_place=regex.compile(data["epidemic_not_place"] + WORD_END) if "epidemic_not_place" in data else None,
        harm_words=_word(data["harm_words"]) if "harm_words" in data else None,
        state_government=_word(data["state_government"] + WORD_END) if "state_government" in data else None,
    )
