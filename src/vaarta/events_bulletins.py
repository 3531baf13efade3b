"""Covid bulletins for :mod:`vaarta.events` (round 9): the country a "देश में" count is for, and
one epidemic report per place of a sentence that gives counts for several places.

Helpers of :mod:`vaarta.events`; pure functions of the text, its place mentions and read-only
resources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from .crossdoc_counts import case_bounds, large_counts
from .entities_base import FOUND_INFECTED_AFTER, HOME_COUNTRY, NUMBER_WORDS, home_meant
from .events_draft import _Draft, _place_kind
from .events_lexicon import Lexicon, match_at
from .events_places import _COORD_GAP, _kb_inside, _specific, place_chains
from .events_rules import _epidemic_deaths, _names_deaths
from .model import Entity, Resources, Span

# The country an Indian paper means by "देश" (देश में, देशभर में, पूरे देश में): a count "in the
# country" with no other place is India's, unless the last country the article names up to there
# is a foreign one (then "देश" is that country): HOME_COUNTRY, entities_base.home_meant. A measure's
# national place needs में (entities_base.NATIONAL_IN): "देश के 75 जिलों में लॉकडाउन", not "देश के
# कई राज्यों ने बंद किए".
NATIONAL_COUNTS = True
# Round 11: a curfew or lockdown "पूरे देश में", "देश के 75 जिलों में" with no other place is the
# country's measure too (it was merged into a state's measure of the same article).
NATIONAL_MEASURES = False
# Round 11: a measure announced by "उन्होंने" (पूरे देश में लॉकडाउन की घोषणा की) is by the person named
# last in that sentence or the one before (a measure's agent is otherwise only a name with ने).
PRONOUN_MEASURE_AGENT = False
MEASURE_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}])(?:उन्होंने|इन्होंने)(?![\p{L}\p{M}])")
NATIONAL = regex.compile(
    r"(?<![\p{L}\p{M}])(?:पूरे\s+)?(?:देशभर|देश(?:\s+भर)?)\s+(?:में|के\s+(?:[\p{L}\p{M}\d]+\s+){0,2}?(?:राज्यों|हिस्सों|जिलों|ज़िलों|शहरों))(?![\p{L}\p{M}])"
)
# Crossdoc round 23: a count the Union health ministry or the ICMR gives (स्वास्थ्य मंत्रालय ने बताया कि
# पिछले 24 घंटे में 1335 नए मामले …) is the country's, as "देश में" is, under the same check of the
# last country named ("ईरान … । स्वास्थ्य मंत्रालय के प्रवक्ता …": Iran's). A state's ministry is not
# ("राज्य स्वास्थ्य मंत्रालय", "प्रदेश के स्वास्थ्य मंत्रालय"); a count with a place keeps its place.
UNION_HEALTH_COUNTS = True
UNION_HEALTH = regex.compile(
    r"(?<![\p{L}\p{M}])(?<!(?:राज्य|प्रदेश|राज्यों|प्रदेशों)(?:\s+के)?\s+)(?:(?:केंद्रीय|केन्द्रीय)\s+)?स्वास्थ्य\s+"
    r"(?:(?:एवं|और|व)\s+)?(?:परिवार\s+कल्याण\s+)?मंत्रालय|(?<![\p{L}\p{M}])(?:आईसीएमआर|ICMR)(?![\p{L}\p{M}])"
)
NATIONAL_OR_UNION = regex.compile(f"{NATIONAL.pattern}|{UNION_HEALTH.pattern}")

# One report per place of a sentence with counts for several places (महाराष्ट्र में 186, केरल में
# 176 …): a place chain followed by में/के and a number is a place's count.
SPLIT_PLACE_COUNTS = True
# Only when every place is in HOME_COUNTRY (KB): the split serves linking Indian state bulletins
# across outlets; gold/dev annotates no bulletins, and splitting a Pakistani province list there
# cost 5 false events (events F1 0.710 → 0.696).
SPLIT_ONLY_HOME = True
_NUMBER = rf"(?:\d[\d,]*|{NUMBER_WORDS})(?:-(?:\d[\d,]*|{NUMBER_WORDS}))?"
_COUNT_AFTER = regex.compile(
    r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:(?:जिले|जिला|राज्य|शहर)\s+)?(?:में|के)\s+"
    r"(?:(?:अब\s*तक|अभी\s*तक|कुल|सबसे\s+(?:ज्यादा|ज़्यादा|अधिक)|करीब|लगभग)\s+){0,2}" + _NUMBER + r"(?![\p{L}\p{M}\d])"
)
_SEP = regex.compile(r"[\s,;]*(?:(?:और|तथा|एवं|व|वहीं|जबकि|तो)\s+)?$")


def countries_named(
    mentions: Sequence[tuple[int, int, Entity]],
    res: Resources | None,
    text: str | None = None,
    not_here: regex.Pattern[str] | None = None,
) -> list[tuple[int, str]]:
    """(start, name) of the document's mentions of countries (KB kind), in order; with ``text`` and
    ``not_here`` (the lexicon's ``epidemic_not_place``), not a country a patient came back from
    ("इटली से लौटे हैं । … देश में 34": India's count, round 20)."""
    kinds: dict[str, bool] = {}
    out = []
    for m in mentions:
        if m[2].type == "LOC" and not (text is not None and not_here is not None and match_at(not_here, text, m[1])):
            if m[2].name not in kinds:
                kinds[m[2].name] = _place_kind(m[2].name, res) == "country"
            if kinds[m[2].name]:
                out.append((m[0], m[2].name))
    return out


def national(
    text: str, sent: tuple[int, int], countries: Sequence[tuple[int, str]], pattern: regex.Pattern[str] | None = None
) -> str | None:
    """HOME_COUNTRY for a count sentence saying "देश में" (or, with UNION_HEALTH_COUNTS, naming the
    Union health ministry or the ICMR; ``pattern`` instead when given) when the last country the
    article names up to the end of that sentence (``countries``: :func:`countries_named`) is
    HOME_COUNTRY or none; None when it is a foreign one ("ईरान में … । देश में 978 मामले": Iran's count)."""
    if pattern is None:
        pattern = NATIONAL_OR_UNION if UNION_HEALTH_COUNTS else NATIONAL
    if not pattern.search(text, sent[0], sent[1]):
        return None
    return HOME_COUNTRY if home_meant(countries, sent[1]) else None


def place_counts(
    text: str, sent: tuple[int, int], locs: Sequence[tuple[int, int, Entity]], lex: Lexicon, res: Resources | None = None
) -> list[tuple[list[str], int, int]]:
    """The places of a sentence with a count each ("X में N", "X के N"): (places, start, end) per
    count, the span running to the next count's places (coordinated places share one count:
    "कर्नाटक और मध्य प्रदेश में 2-2"). Empty unless at least two counts are given."""
    chains = place_chains(text, [m for m in locs if sent[0] <= m[0] < sent[1]], lex)
    groups: list[tuple[list[str], int]] = []
    for i, c in enumerate(chains):
        if not match_at(_COUNT_AFTER, text, c[-1][1]):
            continue
        j = i
        while j > 0 and _COORD_GAP.fullmatch(text[chains[j - 1][-1][1] : chains[j][0][0]]):
            j -= 1
        names = list(dict.fromkeys(_specific(text, chains[k], lex) for k in range(j, i + 1)))
        groups.append((names, chains[j][0][0]))
    if len(groups) < 2:
        return []
    if SPLIT_ONLY_HOME and not all(_kb_inside(HOME_COUNTRY, n, res) for names, _s in groups for n in names):
        return []  # a foreign country's province-by-province list stays one report, as before
    out = []
    for k, (names, start) in enumerate(groups):
        s = sent[0] if k == 0 else start
        e = sent[1]
        if k + 1 < len(groups):
            nxt = groups[k + 1][1]
            sep = _SEP.search(text, s, nxt)
            e = sep.start() if sep else nxt
        out.append((names, s, e))
    return out


# Crossdoc round 10: two bulletins of one place in one article ("पिछले 24 घंटे में 149 नए मामले … इससे पहले
# शुक्रवार को 125 नए मामले") are two reports: epidemic mentions whose new-case numbers share none
# are not merged (events_merge), so each outlet's bulletin of each day has its own report.
SEPARATE_NEW_COUNTS = True
_NEW_COUNT = regex.compile(r"(?<![\p{L}\p{M}\d,])(\d[\d,]*)\s+(?:नए|नये|नई|नयी)\s+(?:मामल|केस|मरीज|संक्रमित|पॉजिटिव)")


def new_case_counts(sent: str) -> frozenset[int]:
    """The new-case numbers a sentence gives ("149 नए मामले" → {149})."""
    if not SEPARATE_NEW_COUNTS or "न" not in sent:
        return frozenset()
    return frozenset(int(m.group(1).replace(",", "")) for m in _NEW_COUNT.finditer(sent) if m.group(1).replace(",", "").isdigit())


def split_counts(d: _Draft, text: str, parts: list[tuple[list[str], int, int]], lex: Lexicon) -> list[_Draft]:
    """One epidemic draft per place count, its evidence the part of the sentence giving it and its
    killed the new deaths that part gives."""
    return [
        replace(
            d,
            location=name,
            more_places=[],
            evidence=[Span(s, e)],
            killed=_epidemic_deaths(text[s:e], lex)[0],
            derived=set(d.derived),
            new_cases=new_case_counts(text[s:e]),
        )
        for names, s, e in parts
        for name in names
    ]


# Round 10: a count given only as an amount (बड़ी तादाद में नए मामले, कई नए मामले) with no number in
# its sentence is a summary, not a bulletin: no other outlet's report can be told to be the same.
# Off: it removed 2 false pairs but 3 true ones (tuning days 0.761 → 0.727, covid-gold 0.842 → 0.808).
VAGUE_COUNTS = False
_LARGE = regex.compile(r"(?<![\p{L}\p{M}])(?:बड़ी|भारी)\s+(?:तादाद|संख्या)(?![\p{L}\p{M}])")
_ANY_NUMBER = regex.compile(r"\d|(?<![\p{L}\p{M}])(?:" + NUMBER_WORDS + r"|पहला|पहले|पहली)(?![\p{L}\p{M}])")


def vague_count(sent: str, lex: Lexicon) -> bool:
    """Whether an epidemic sentence gives its count only as a vague amount."""
    return bool(_LARGE.search(sent) or lex.vague.search(sent)) and not _ANY_NUMBER.search(sent)


# Issue 6, fourth session: a named person found infected (entities_base.FOUND_INFECTED_AFTER follows the
# name) is the affected party of the epidemic report, which then stands without a place (a case is news
# by its person: two outlets on one singer link by her, not by the city).
NAMED_PATIENTS = True


def named_patients(text: str, s_ments: Sequence[tuple[int, int, Entity]], start: int, end: int) -> list[str]:
    """People of a sentence (``start``–``end``) named as found infected, in order (none when
    NAMED_PATIENTS is off)."""
    out: list[str] = []
    if not NAMED_PATIENTS:
        return out
    for m in s_ments:
        if (
            m[2].type == "PER"
            and start <= m[0]
            and m[1] <= end
            and m[2].name not in out
            and FOUND_INFECTED_AFTER.match(text, m[1], end)
        ):
            out.append(m[2].name)
    return out


# Crossdoc round 16: a count of cases with no place in its sentence (a headline "संक्रमितों की कुल
# संख्या 8447 हुई", "मंत्रालय के मुताबिक अब तक 8356 … केस मिले हैं") is kept as a place-less report when
# it gives a count of crossdoc_counts.LARGE_COUNT (100) or more: such a number identifies
# one bulletin, and the merge joins it only with reports that give the same number
# (crossdoc_match.PLACELESS_BY_COUNT).
PLACELESS_COUNTS = True


def placeless_count(sent: str) -> bool:
    """Whether a sentence gives a case count specific enough to stand for a bulletin without a place."""
    new, other, _bounds = case_bounds(sent)  # as the merge reads them (crossdoc_match.features)
    return bool(large_counts(new | other))


# Epidemic reports whose sentence gives only a running death toll (चीन में अब तक 2,912 मौतें,
# मरने वालों की संख्या 2,912 हो गई) and no new count: "drop" drops those whose trigger names
# the deaths, "all" every such report, "" keeps them (their killed is never the total).
EPIDEMIC_TOTAL_DROP = "drop"


def running_toll(total: bool, new_cases: bool, trigger: str, lex: Lexicon) -> bool:
    """Whether a report (its sentence's death counts read by ``_epidemic_deaths``, its trigger's text)
    only gives a running toll and is dropped (EPIDEMIC_TOTAL_DROP)."""
    if not total or new_cases:
        return False
    return EPIDEMIC_TOTAL_DROP == "all" or (EPIDEMIC_TOTAL_DROP == "drop" and _names_deaths(trigger, lex))
