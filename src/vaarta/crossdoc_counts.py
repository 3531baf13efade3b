"""Case counts read from the evidence text of epidemic reports (docs/crossdoc.md, rounds 7-12).

:func:`case_bounds` gives a bulletin's new-case numbers, its other counts (totals) and the
thresholds it passes; :func:`death_ordinals` its numbered deaths. :mod:`vaarta.crossdoc_match`
compares them pair by pair. Split from crossdoc_match in crossdoc round 12.
"""

from __future__ import annotations

import regex

from . import events_tables

# Crossdoc round 10: a total given as a threshold ("संख्या 500 पार", "800 को पार कर गई", "साढ़े आठ सौ से ज्यादा
# लोग") is a lower bound, not a count: it agrees with a count of the other report from the bound
# up to BOUND_SLACK times it (873 passes 800; 5,000 is no "500 पार" of the same bulletin), and
# people who recovered ("40 मरीज ठीक हो चुके हैं") are no case count.
CASE_BOUNDS = True
BOUND_SLACK = 1.25


# Case counts in Hindi bulletins (patterns written for this module from the phrasing of
# Hindi covid reports: "संख्या बढ़कर 120", "33 नए मामले", "आंकड़ा 818", "110 पॉजिटिव").
_NUM_WORDS = {
    "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "छः": 6, "सात": 7,
    "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14, "पंद्रह": 15,
    "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20,
}  # fmt: skip
# Crossdoc round 16: a number glued to a word by a hyphen or a point is no count ("कोविड-19 मरीजों": not 19 cases)
# (nor the 19 of "कोविड 19", "COVID - 19")
_NUM = (
    r"(?<![\p{L}\p{M}\d,.-])(?<!(?:कोविड|COVID|Covid|covid)\s*-?\s*)(\d[\d,]*|"
    + "|".join(sorted(_NUM_WORDS, key=len, reverse=True))
    + r")(?![\p{L}\p{M}\d])"
)
_CASE_NOUN = r"(?:संक्रमण|मामले|मामलों|मामला|केस|मरीज|मरीजों|रोगी|रोगियों|संक्रमित|पॉजिटिव|पॉजीटिव|पोजिटिव|पीड़ित|पीडि़त)"
_NEW = r"(?:और|नए|नये|नई|नयी)"
# Crossdoc round 12: a disease word between a count and its noun ("आगरा में 63 कोरोना पॉजिटिव
# मरीज", "12 कोविड-19 संक्रमित", "60 नए कोरोना मरीज") — the count is still a case count
DISEASE_BEFORE_NOUN = True
_DISEASE = (
    r"(?:(?:कोरोना|कोरोनावायरस|(?:कोविड|COVID|Covid|covid)(?:\s*-?\s*19)?|वायरस)\s+(?:के\s+)?){0,2}" if DISEASE_BEFORE_NOUN else ""
)
_NEW_CASES = regex.compile(_NUM + r"\s+(?:" + _NEW + r"\s+)+" + _DISEASE + _CASE_NOUN)
# Crossdoc round 13: "तीन और लोग कोरोना वायरस से संक्रमित पाए गए" — N more people found infected are new cases
MORE_PEOPLE_NEW = True
_NEW_PEOPLE = regex.compile(
    _NUM
    + r"\s+(?:"
    + _NEW
    + r"\s+)+(?:लोग|लोगों|व्यक्ति|व्यक्तियों|मरीज|मरीजों)\s+(?:\S+\s+){0,3}?(?:संक्रमित|पॉजिटिव|पॉजीटिव|पोजिटिव|चपेट)"
)
_NEW_PATTERNS = (_NEW_CASES, _NEW_PEOPLE) if MORE_PEOPLE_NEW else (_NEW_CASES,)
_OTHER_CASES = (
    regex.compile(
        _NUM + r"(?:\s+से\s+(?:ज्यादा|ज़्यादा|अधिक))?\s+" + _DISEASE + _CASE_NOUN
    ),  # "70 से अधिक मामले": a threshold (_BOUND_AFTER, crossdoc round 12)
    # "नौ लोग कोविड-19 से संक्रमित", "12 व्यक्ति जांच में पॉजिटिव" (round 9): people counted as
    # infected, the case noun a few words after them
    regex.compile(_NUM + r"\s+(?:लोग|लोगों|व्यक्ति|व्यक्तियों)\s+(?:\S+\s+){0,3}?(?:संक्रमित|पॉजिटिव|पॉजीटिव|पोजिटिव)"),
    # crossdoc round 13: "1135 लोगों में कोरोना संक्रमण" — people in whom the infection is found
    regex.compile(_NUM + r"\s+(?:लोगों|व्यक्तियों|मरीजों)\s+में\s+(?:\S+\s+){0,2}?संक्रमण"),
    # "संख्या 40 से बढ़कर 52", "संख्या शनिवार तक 176" (a time up to which, crossdoc round 11)
    # ("संख्या अब 2916", crossdoc round 17)
    regex.compile(
        r"(?:संख्या|आंकड़ा|आंकड़े|मामले|मरीज|कुल\s+केस)\s+(?:\S+\s+से\s+|\S+\s+(?:तक|को)\s+|(?:अब|फिलहाल)\s+|कुल\s+मिलाकर\s+)?"
        r"(?:बढ़\s*कर|पहुंचकर)?\s*(?:(?:सोमवार|मंगलवार|बुधवार|गुरुवार|शुक्रवार|शनिवार|रविवार)\s+को\s+)?" + _NUM
    ),
    # crossdoc round 17: a headline's count before its noun ("160 हुई संक्रमितों की संख्या")
    regex.compile(
        _NUM + r"\s+(?:हुई|हुयी|पहुंची|पहुँची|हो\s+गई|हो\s+गयी)\s+(?:कोरोना\s+)?(?:संक्रमितों|मरीजों|मामलों|केसों)\s+की\s+(?:कुल\s+)?संख्या"
    ),
    # "साढ़े आठ सौ से ज्यादा लोग इसकी चपेट में" (hundreds in words are turned to digits first)
    regex.compile(_NUM + r"\s+(?:से\s+(?:ज्यादा|ज़्यादा|अधिक)\s+)?(?:लोग|लोगों|व्यक्ति)\s+(?:\S+\s+){0,2}?चपेट"),
)
# Crossdoc round 23: a group counted as infected ("16 इतालवी पर्यटक … पॉजिटिव", "12 पुलिसकर्मी संक्रमित",
# "16 इटालियन और एक भारतीय की टेस्ट रिपोर्ट पॉजीटिव"): people named by what they are, the word of
# infection up to six words on, within the sentence
GROUPS_COUNTED = True
_GROUP = regex.compile(
    _NUM + r"\s+(?:[\p{L}\p{M}]+\s+)?(?:पुलिसकर्मी|पुलिसकर्मियों|कर्मी|कर्मियों|कर्मचारी|कर्मचारियों|सदस्य|सदस्यों|जमाती|जमातियों|"
    r"पत्रकार|पत्रकारों|डॉक्टर|डॉक्टरों|डाक्टर|डाक्टरों|पर्यटक|पर्यटकों|विदेशी|विदेशियों|नागरिक|नागरिकों|छात्र|छात्रों|यात्री|"
    r"यात्रियों|इतालवी|इटालियन|प्रतिभागी|प्रतिभागियों|नर्स|नर्सों|स्वास्थ्यकर्मी|स्वास्थ्यकर्मियों)"
    r"\s+(?:[^\s।|]+\s+){0,6}?(?:संक्रमित|पॉजिटिव|पॉजीटिव|पोजिटिव|पाजिटिव)"
)
# Crossdoc round 12: one item of a place-by-place list, as the event stage splits it ("उत्तर प्रदेश
# में 19", "केरल में दो विदेशियों सहित 27"): the whole evidence part is a place and its number
LIST_ITEM_COUNTS = True
_LIST_ITEM = regex.compile(r"\s*[^|।]{1,40}?\s(?:में|के)\s+(?:[^|।]{0,40}?\sसहित\s+)?" + _NUM + r"[\s,;.।]*")
# Crossdoc round 13: a part that ends in "<place> में N" after a longer opening ("आज देश में सबसे ज्यादा
# प्रभावित राज्य महाराष्ट्र में 60": the event stage cut the list item there) is a list item too
LONG_LIST_ITEMS = True
_LONG_ITEM = regex.compile(r"[^|।]{1,100}\s(?:में|के)\s+" + _NUM + r"[\s,;.।]*")
# after a count: a threshold passed ("500 पार", "800 को पार", "के पार", "से ज्यादा") — a lower bound
_BOUND_AFTER = regex.compile(r"\s*(?:(?:को|के)\s+)?पार(?![\p{L}\p{M}])|\s+से\s+(?:भी\s+)?(?:ज्यादा|ज़्यादा|अधिक|ऊपर)(?![\p{L}\p{M}])")
# after a count: people who recovered or were discharged ("40 मरीज पूरी तरह ठीक हो चुके हैं")
_RECOVERED_AFTER = regex.compile(r"[\p{L}\p{M}]*(?:\s+[\p{L}\p{M}]+){0,2}?\s+(?:ठीक\s+हो|स्वस्थ\s+हो|डिस्चार्ज|रिकवर)")
_WORD_NUM = {"एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "सात": 7, "आठ": 8, "नौ": 9, "दस": 10}
# "साढ़े आठ सौ" → 850, "आठ सौ" → 800, "दो हजार" → 2000 (rewritten to digits before counting)
_HUNDREDS = regex.compile(
    r"(?<![\p{L}\p{M}])(?:(साढ़े|साढे)\s+)?("
    + "|".join(_WORD_NUM)
    + r"|\d+)\s+(सौ|हजार|हज़ार|लाख)(?![\p{L}\p{M}])(?:\s+(\d{1,3})(?![\d,]))?"
)


# Crossdoc round 13: "4 लाख लोग संक्रमित" is 400000, not 4 (a world or national total read as a
# small count joined small local counts)
LAKHS = True
_UNITS = {"सौ": 100, "हजार": 1000, "हज़ार": 1000, "लाख": 100_000}


def _hundreds(m: regex.Match[str]) -> str:
    n = _WORD_NUM.get(m.group(2)) or int(m.group(2))
    unit = _UNITS[m.group(3)] if LAKHS else (100 if m.group(3) == "सौ" else 1000)
    rest = int(m.group(4)) if m.group(4) and unit > 100 else 0  # "5 हजार 734" → 5734 (round 13)
    tail = "" if not m.group(4) or rest else " " + m.group(4)
    return str(n * unit + (unit // 2 if m.group(1) else 0) + rest) + tail


_DEATH_NEAR = regex.compile(r"मौत|मृत्यु|मरने|मृतक|जान\s+गं")
_DEATH_LOOKBACK = 30  # characters before a count searched for a death word ("मौत के दो मामले")
# Crossdoc round 16: ... within the count's clause ("मृतक संख्या 38 हुई, कुल मामले 1637", "आठ की मौत हो
# चुकी है और 160 से अधिक मरीज": 1637 and 160 are case counts)
CLAUSE_LOOKBACK = True
_CLAUSE_END = regex.compile(r"[,;।|]|(?<![\p{L}\p{M}])(?:और|जबकि|तथा|वहीं)(?![\p{L}\p{M}])")
# a death word right after the count's noun (the rest of the word first): "एक मरीज की मौत",
# "दो मरीजों की मृत्यु" (round 9)
_DEATH_AFTER = regex.compile(r"[\p{L}\p{M}]*\s*(?:की|के|का)\s+(?:मौत|मृत्यु)")
_ORDINAL = {"पहली": 1, "पहला": 1, "पहले": 1, "दूसरी": 2, "दूसरा": 2, "दूसरे": 2, "तीसरी": 3, "तीसरा": 3, "तीसरे": 3}
_ORD = "(" + "|".join(_ORDINAL) + ")"
_DEATH_ORDINAL = (
    regex.compile(_ORD + r"\s+(?:मौत|मृत्यु)"),
    regex.compile(r"मौत\s+(?:का|की|के)\s+" + _ORD),
)


# Crossdoc round 16: a case count this large stands for one bulletin even without a place
# (events_bulletins.PLACELESS_COUNTS, crossdoc_match.PLACELESS_BY_COUNT). Numbers read as case counts
# have a case word next to them, so 1,965 or 2,069 cases are counts, not years.
LARGE_COUNT = 100


def large_counts(counts: frozenset[int] | set[int]) -> frozenset[int]:
    """The counts of LARGE_COUNT or more."""
    return frozenset(n for n in counts if n >= LARGE_COUNT)


def _int(tok: str) -> int | None:
    if tok in _NUM_WORDS:
        return _NUM_WORDS[tok]
    digits = tok.replace(",", "")
    return int(digits) if digits.isdigit() else None


def _counts(text: str, patterns: tuple[regex.Pattern[str], ...], skip: set[int], bounds: set[int] | None = None) -> set[int]:
    out: set[int] = set()
    for pat in patterns:
        for m in pat.finditer(text):
            if m.start(1) in skip:
                continue
            skip.add(m.start(1))
            before = text[max(0, m.start() - _DEATH_LOOKBACK) : m.start()]
            if CLAUSE_LOOKBACK:
                before = _CLAUSE_END.split(before)[-1]
            if _DEATH_NEAR.search(before) or _DEATH_NEAR.search(m.group(0)) or _DEATH_AFTER.match(text, m.end()):
                continue  # "मौत के दो मामले", "मृतकों की संख्या": a toll, kept in Event.killed
            if bounds is not None and _RECOVERED_AFTER.match(text, m.end()):
                continue  # "40 मरीज पूरी तरह ठीक हो चुके हैं": recovered, not counted (crossdoc round 10)
            n = _int(m.group(1))
            if n is not None and n > 0:
                if bounds is not None and _BOUND_AFTER.match(text, m.end(1)):
                    bounds.add(n)  # "संख्या 500 पार": a threshold passed (crossdoc round 10)
                else:
                    out.add(n)
    return out


def _other_patterns() -> tuple[regex.Pattern[str], ...]:
    return (*_OTHER_CASES, _GROUP) if GROUPS_COUNTED else _OTHER_CASES


def case_counts(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Case numbers a bulletin gives: (new cases "33 नए मामले", other counts "संख्या 120").

    Deaths and hours are not counted. Two reports are compared kind by kind: one outlet
    may give the new cases and another the total of one bulletin.
    """
    skip: set[int] = set()
    new = _counts(text, (_NEW_CASES,), skip)
    return frozenset(new), frozenset(_counts(text, _other_patterns(), skip))


_NO_BOUNDS: frozenset[int] = frozenset()


def case_bounds(text: str) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """:func:`case_counts` with thresholds apart (CASE_BOUNDS): (new cases, other counts, lower
    bounds): "संख्या 500 पार कर चुकी है, 40 मरीज ठीक हो चुके हैं" → ({}, {}, {500})."""
    if not CASE_BOUNDS:
        return (*case_counts(text), frozenset())
    if events_tables.TABLE_ROWS and (row := events_tables.table_counts(text)) is not None:
        return (*row, _NO_BOUNDS)  # a table's row: its header names what each number counts
    if "सौ" in text or "हजार" in text or "हज़ार" in text or (LAKHS and "लाख" in text):
        text = _HUNDREDS.sub(_hundreds, text)
    skip: set[int] = set()
    bounds: set[int] = set()
    new = _counts(text, _NEW_PATTERNS, skip, bounds)
    other = _counts(text, _other_patterns(), skip, bounds)
    if LIST_ITEM_COUNTS and not other:
        other = list_item_counts(text)
    return _frozen(new), _frozen(other), _frozen(bounds)


def list_item_counts(text: str) -> set[int]:
    """The numbers of evidence parts that are one item of a place-by-place list ("उत्तर प्रदेश में
    19" → {19}); a part with any other wording gives none."""
    out: set[int] = set()
    for part in text.split(" | "):
        m = _LIST_ITEM.fullmatch(part)
        if m is None and LONG_LIST_ITEMS:
            m = _LONG_ITEM.fullmatch(part)
        if m is not None:
            n = _int(m.group(1))
            if n is not None and n > 0:
                out.add(n)
    return out


def _frozen(x: set[int]) -> frozenset[int]:
    return frozenset(x) if x else _NO_BOUNDS  # one shared empty set: a frozenset per report and kind is 216 bytes


def _within(bounds: frozenset[int], counts: frozenset[int]) -> bool | None:
    """Whether some count lies from a bound up to BOUND_SLACK times it, for every bound (None:
    nothing to compare)."""
    if not (bounds and counts):
        return None
    return all(any(b <= c <= BOUND_SLACK * b for c in counts) for b in bounds)


# Crossdoc round 13: tolls written in the evidence ("13 हजार के करीब मौतें", "2000 लोगों की मौत हुई") for
# reports whose event has no `killed` (TEXT_TOLLS): a world total and a day's deaths are two reports
TEXT_TOLLS = False  # measured: all-15 F1 0.805 -> 0.783 (a day's toll and a total in one report), off
TOLL_SLACK = 0.5  # tolls of one bulletin differ by source and hour ("19" vs "20", "करीब 2000"): apart only when far apart
_TOLL = regex.compile(
    r"(\d[\d,]*)(?:\s+(?:के\s+करीब|से\s+(?:अधिक|ज्यादा|ज़्यादा)))?\s+(?:(?:लोगों|मरीजों|लोग)\s+(?:की\s+)?)?(?:मौतें|मौत|मारे)(?![\p{L}\p{M}]*\s+(?:के|का)\s+माम)"
)


def text_tolls(text: str) -> frozenset[int]:
    """Death tolls in digits (hundreds and thousands in words turned to digits first): "13 हजार के करीब
    मौतें" → {13000}; "मौत के दो मामले" (a count of deaths as cases) is left to the event stage."""
    if not TEXT_TOLLS or not ("मौत" in text or "मारे" in text):
        return _NO_BOUNDS
    if "सौ" in text or "हजार" in text or "हज़ार" in text or "लाख" in text:
        text = _HUNDREDS.sub(_hundreds, text)
    out = {int(m.group(1).replace(",", "")) for m in _TOLL.finditer(text)}
    return _frozen({n for n in out if n > 0})


# Crossdoc round 22: a toll told as deaths added ("और 43 लोगों की मौत", "43 नई मौतें", "पिछले 24 घंटे में 43
# की मौत") is the day's deaths, not the total: it is not compared with another report's total
NEW_DEATHS_APART = True
_MORE_DEATHS = (
    r"(?:(?:और|नई|नयी|नए|नये)\s+{n}|{n}\s+(?:और|नई|नयी|नए|नये))\s+(?:(?:लोगों|मरीजों|लोग|व्यक्तियों)\s+)?(?:की\s+)?(?:मौतें|मौत|मारे|जान)"
)
_DAY_DEATHS = r"(?:24|चौबीस)\s+घंटे[^।|]{{0,40}}?(?<![\d,]){n}\s+(?:(?:लोगों|मरीजों|लोग|व्यक्तियों)\s+)?(?:की\s+)?(?:मौतें|मौत|मारे|जान)"


def new_deaths(text: str, killed: int | None) -> bool:
    """Whether ``killed`` is written in ``text`` as deaths added, not a total (NEW_DEATHS_APART)."""
    if not NEW_DEATHS_APART or killed is None or not text:
        return False
    n = r"(?<![\d,])" + ",?".join(str(killed)) + r"(?![\d,])"  # any digit grouping: 1,043 / 1043
    return bool(regex.search(_MORE_DEATHS.format(n=n), text) or regex.search(_DAY_DEATHS.format(n=n), text))


def tolls_apart(a: frozenset[int], b: frozenset[int]) -> bool:
    """Whether two toll sets share no toll within TOLL_SLACK."""
    return bool(a and b) and not any(abs(x - y) <= TOLL_SLACK * max(x, y) for x in a for y in b)


def death_ordinals(text: str) -> frozenset[int]:
    """ "पहली मौत" → 1, "मौत का दूसरा मामला" → 2."""
    return frozenset(_ORDINAL[m.group(1)] for pat in _DEATH_ORDINAL for m in pat.finditer(text))
