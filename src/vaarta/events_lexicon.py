"""The Hindi trigger lexicon for :mod:`vaarta.events`, loaded from ``data/event_triggers.json``.

The JSON file holds every word list and pattern (its ``source`` field says where they come
from); this module only compiles them. Loading is cached per path, so a process compiles
the lexicon once and stages stay pure functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

DEFAULT_PATH = Path(__file__).with_name("data") / "event_triggers.json"

# A word starts where no letter or combining mark precedes.
WORD_START = r"(?<![\p{L}\p{M}\u200c\u200d])"
WORD_END = r"(?![\p{L}\p{M}\u200c\u200d])"


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    kind: str  # "verb": needs a light verb after it; "noun": counts alone
    mode: str | None
    pattern: regex.Pattern[str]
    rank: int  # position in the file: earlier entries win ties
    frame: str | None = None  # "measure": curfew/lockdown, imposed on a place, agent only if named


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
    # Every trigger as an optional look-ahead group at each word start: one pass over a
    # sentence finds what ``len(triggers)`` finditer passes would (see :func:`trigger_matches`).
    scan: regex.Pattern[str] | None = None
    # (death, injury) casualty patterns: "N (people) <word>", "<word> की संख्या (बढ़कर) N".
    casualty_patterns: tuple[tuple[regex.Pattern[str], ...], ...] = ()


def trigger_matches(lex: Lexicon, sent: str) -> list[tuple[int, int, Trigger]]:
    """What ``t.pattern.finditer(sent)`` gives for every trigger ``t`` (non-empty matches,
    in trigger order then position), from one scan of ``sent``.

    Every trigger pattern starts with :data:`WORD_START` and a letter, so its matches start
    at word starts; at each one the scan tries every trigger as a look-ahead (the same
    backtracking, so the same match), and a trigger's match is kept only when it starts at
    or after the end of its previous one, as ``finditer`` resumes.
    """
    if lex.scan is None:
        return [(m.start(), m.end(), t) for t in lex.triggers for m in t.pattern.finditer(sent) if m.end() > m.start()]
    last = [0] * len(lex.triggers)
    found: list[tuple[int, int, Trigger]] = []
    for m in lex.scan.finditer(sent):
        spans = m.regs[1:]  # group k + 1 is trigger k; (-1, -1) when it did not match here
        for k, (s, e) in enumerate(spans):
            if s >= 0 and s >= last[k] and e > s:
                found.append((s, e, lex.triggers[k]))
                last[k] = e
    found.sort(key=lambda x: x[2].rank)  # stable: per trigger, by position
    return found


def _word(p: str) -> regex.Pattern[str]:
    return regex.compile(WORD_START + p)


def _scan_pattern(patterns: list[str]) -> regex.Pattern[str]:
    groups = "".join(f"(?:(?=({WORD_START}{p})))?" for p in patterns)
    return regex.compile(WORD_START + r"(?=\p{L})" + groups)


def _casualty_patterns(death: regex.Pattern[str], injury: regex.Pattern[str], person_nouns: str, nums: list[str]) -> tuple[tuple[regex.Pattern[str], ...], ...]:
    words = sorted(set(nums), key=len, reverse=True)
    w = "|".join(regex.escape(x) for x in words)
    num = rf"(?P<num>\d+(?:,\d+)*(?:\s+(?:{w}))?|(?:(?:{w})\s+){{0,2}}(?:{w}))"
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
        Trigger(t["type"], t["kind"], t.get("mode"), _word(t["pattern"]), i, t.get("frame"))
        for i, t in enumerate(data["triggers"])
    )
    death, injury = _word(data["death_words"]), _word(data["injury_words"])
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
        scan=_scan_pattern([t["pattern"] for t in data["triggers"]]),
        casualty_patterns=_casualty_patterns(
            death, injury, data["person_nouns"], list(data["numbers"]) + list(data["multipliers"])
        ),
    )
