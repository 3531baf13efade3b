"""Tables of counts in news pages (crossdoc round 23): one epidemic report per row.

Scraped pages keep a table as one line per row under a line of column names::

    राज्य कुल मामले मौत
    महाराष्ट्र 180 5
    केरल 173 0

Before this module no row gave an event (a row has no verb), so a state-wise or date-wise table told
nothing the merger could link. :func:`table_events` reads a run of at least ``MIN_ROWS`` such lines:

* the key of a row is wholly one place the entity stage found (not ``एम्स झज्जर``, a hospital), or a day (``27 मार्च 724 30``: the
  country's figure of that day, when the table's context names the country or its health ministry);
* the header's column words give each number its kind (:func:`columns`): a total (``कुल मामले``,
  ``संक्रमितों की संख्या``), new cases (``रोजाना नए मरीज``), deaths (``मौत``, ``कुल मौतें``), or
  recoveries (read, not reported); a table whose rows do not have one number per column is skipped,
  and so is a header with columns of two days;
* a day in the header (``मौतें (रविवार को)``) dates every row; deaths on such a day are no toll;
* a table with no header line counts one number per row as a total when the sentence before it
  speaks of cases (``1 मार्च तक देश में सिर्फ 3 मामले …``).

The report's evidence is the header line (when there is one) and the row, so the merger reads the
row's counts from its evidence text with :func:`table_counts`, as it reads them from sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .entities_base import HOME_COUNTRY
from .model import Document, Entity, Event, Sentence, Span, TimeExpr

TABLE_ROWS = True  # flag: read tables of counts
MIN_ROWS = 3
_NUM = r"\d{1,3}(?:,\d{2,3})+|\d+"
_ROW = regex.compile(
    rf"(?P<key>[^\d|।?!]{{2,40}}?|\d{{1,2}}\s+[\p{{L}}\p{{M}}]+(?:\s+तक)?)\s*[-–:]?\s*(?P<nums>(?:{_NUM})(?:\s+(?:{_NUM}))*)\s*"
)
_COLUMN = regex.compile(
    r"(?P<deaths>(?:कुल\s+)?(?:मौतें|मौत|मृतक|मृत्यु))"
    r"|(?P<new>(?:(?:रोजाना|रोज़ाना|प्रतिदिन)\s+)?(?:नए|नये|नई)\s+(?:मरीज|मामले|केस|संक्रमित)|(?:रोजाना|रोज़ाना)\s+(?:मरीज|मामले|केस))"
    r"|(?P<recovered>(?:ठीक|स्वस्थ|डिस्चार्ज|रिकवर)[\p{L}\p{M}]*(?:\s+हुए)?(?:\s+मरीज)?)"
    r"|(?P<total>(?:कुल\s+)?(?:(?:संक्रमितों|मरीजों|मामलों|केसों)\s+की\s+(?:कुल\s+)?संख्या|संक्रमित|मामले|केस|मरीज|संख्या))"
)
_CASE_WORDS = regex.compile(r"मामले|मामलों|मरीज|संक्रमित|केस")
_NOT_CASES = regex.compile(r"मौत|ठीक|स्वस्थ|डिस्चार्ज|जांच|टेस्ट|सैंपल")
_NATIONAL = regex.compile(r"देश|भारत|स्वास्थ्य\s+(?:(?:एवं|और|व)\s+)?(?:परिवार\s+कल्याण\s+)?मंत्रालय")
_KEY_PUNCT = " \t-–:,."
_HEADER_MAX = 80  # characters: a longer line is prose, not a row of column names


def columns(header: str) -> list[str]:
    """The kinds of a header's numeric columns, in order ("राज्य कुल मामले मौत" → total, deaths);
    two words of one kind with at most two words between them are one column
    ("भर्ती संक्रमित मरीजों की संख्या")."""
    out: list[str] = []
    last_end = -100
    for m in _COLUMN.finditer(header):
        kind = m.lastgroup or ""
        gap = len(header[last_end : m.start()].split()) if last_end >= 0 else 99
        if out and out[-1] == kind and gap <= 2:
            last_end = m.end()
            continue
        out.append(kind)
        last_end = m.end()
    return out


def _numbers(nums: str) -> list[int]:
    return [int(n.replace(",", "")) for n in nums.split()]


_CASE_MARKERS = frozenset({"में", "के", "की", "का", "से", "को", "पर", "ने", "है", "हैं"})


def _row(line: str) -> regex.Match[str] | None:
    """A row's match; not a clause ending in its number ("गोवा में 7": a list's item, read elsewhere)."""
    m = _ROW.fullmatch(line.strip())
    if m is None or (m["key"].split() or [""])[-1] in _CASE_MARKERS:
        return None
    return m


def table_counts(evidence: str) -> tuple[frozenset[int], frozenset[int]] | None:
    """(new cases, totals) of a table row's evidence text ("header | row" or a bare row, whose one
    number is a total); None when the text is no table row."""
    parts = evidence.split(" | ")
    if len(parts) > 2:
        return None
    m = _row(parts[-1])
    if m is None:
        return None
    nums = _numbers(m["nums"])
    kinds = columns(parts[0]) if len(parts) == 2 else ["total"]
    if len(kinds) != len(nums):
        return None
    new = frozenset(n for k, n in zip(kinds, nums, strict=True) if k == "new" and n > 0)
    total = frozenset(n for k, n in zip(kinds, nums, strict=True) if k == "total" and n > 0)
    return new, total


def _days_in(times: Sequence[TimeExpr], s: int, e: int) -> list[str]:
    return [t.value for t in times if s <= t.start and t.end <= e and t.value and len(t.value) == 10]


def _day_in(times: Sequence[TimeExpr], s: int, e: int) -> str | None:
    return next(iter(_days_in(times, s, e)), None)


def table_events(doc: Document, entities: Sequence[Entity], times: Sequence[TimeExpr], taken: Sequence[Span] = ()) -> list[Event]:
    """One epidemic report per row of each table of ``doc`` (see the module's doc); rows inside the
    evidence of an event already found (``taken``) are left to it."""
    if not TABLE_ROWS:
        return []
    text = doc.text
    sents = doc.sentences
    places = sorted((m.start, m.end, e.name) for e in entities if e.type == "LOC" for m in e.mentions)
    names = {e.name for e in entities}
    taken_spans = [(s.start, s.end) for s in taken]
    out: list[Event] = []
    i = 0
    while i < len(sents):
        j = i
        while j < len(sents) and _row(sents[j].text) is not None:
            j += 1
        if j - i < MIN_ROWS:
            i = max(j, i + 1)
            continue
        out.extend(_read_table(text, sents, i, j, places, names, times, taken_spans))
        i = j
    return out


def _read_table(
    text: str,
    sents: Sequence[Sentence],
    i: int,
    j: int,
    places: Sequence[tuple[int, int, str]],
    names: set[str],
    times: Sequence[TimeExpr],
    taken: Sequence[tuple[int, int]],
) -> list[Event]:
    """The reports of the rows ``sents[i:j]``, under the header ``sents[i - 1]`` when it is one."""
    head = sents[i - 1] if i > 0 else None
    kinds = columns(head.text) if head is not None and len(head.text) <= _HEADER_MAX and not _row(head.text) else []
    header: Span | None = Span(head.start, head.end) if kinds and head is not None else None
    if not kinds:
        before = head.text if head is not None else ""
        if not (_CASE_WORDS.search(before) and not _NOT_CASES.search(before)):
            return []
        kinds = ["total"]
    header_days = _days_in(times, header.start, header.end) if header is not None else []
    if len(header_days) > 1:
        return []  # columns of different days ("31 मार्च तक … 10 अप्रैल को …"): not read
    header_day = header_days[0] if header_days else None
    context = text[sents[max(0, i - 3)].start : sents[i].start]
    national = HOME_COUNTRY in names and bool(_NATIONAL.search(context))
    out: list[Event] = []
    for k in range(i, j):
        s = sents[k]
        m = _row(s.text)
        if m is None:
            continue
        nums = _numbers(m["nums"])
        if len(nums) != len(kinds) or any(a <= s.start < b or s.start <= a < s.end for a, b in taken):
            continue
        off = s.start + (len(s.text) - len(s.text.lstrip()))
        key_s, key_e = off + m.start("key"), off + m.end("key")
        key = text[key_s:key_e]
        lead = len(key) - len(key.lstrip(_KEY_PUNCT))
        key_s, key_e = key_s + lead, key_s + len(key.rstrip(_KEY_PUNCT))
        # the whole key is one place ("AIIMS Jhajjar", a hospital, is not Jhajjar's row)
        place = next((n for a, b, n in places if a == key_s and b == key_e), None)
        day = header_day
        if place is None:
            day = _day_in(times, key_s, key_e)
            place = HOME_COUNTRY if day is not None and national else None
        if place is None:
            continue
        counted = {kd: n for kd, n in zip(kinds, nums, strict=True)}
        toll = (counted.get("deaths") or None) if header_day is None else None  # a day's deaths are no toll; 0 is none
        if not (toll or counted.get("total") or counted.get("new")):
            continue  # nothing another report can be compared with: zeros, recoveries, a day's deaths
        evidence = (header, Span(s.start, s.end)) if header is not None else (Span(s.start, s.end),)
        out.append(
            Event(
                type="DISASTER",
                status="occurred",
                actors=(),
                recipients=(),
                evidence=evidence,
                mode="epidemic",
                location=place,
                date=day,
                killed=toll,
                confidence=0.6,
                trigger=None,
            )
        )
    return out
