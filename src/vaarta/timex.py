"""Hindi time expressions: detection with spans, resolution against the publication date,
and finding the publication date itself in datelines and URLs.

Public interface::

    find_times(doc) -> list[TimeExpr]
    published_from_text(text) -> str | None
    published_from_url(url) -> str | None

Detection is in :mod:`vaarta.timex_detect`, resolution in :mod:`vaarta.timex_resolve`.
dateparser is not used: see docs/time.md (it reads कल only as tomorrow, misses
पिछले महीने/इस महीने, gives no offsets and false hits such as ``50 साल में``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from functools import lru_cache

import regex

from .model import Document, TimeExpr
from .timex_detect import _DIGITS, _S, _WB, _WE, _alt, candidates, is_calendar, lexicon, to_int
from .timex_resolve import clause_tense, resolve

__all__ = ["find_times", "published_from_text", "published_from_url"]


def _pub_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_times(doc: Document) -> list[TimeExpr]:
    """Calendar time expressions of ``doc.text`` with values resolved against ``doc.published``."""
    text = doc.text
    pub = _pub_date(doc.published)
    sents = doc.sentences
    starts = [s.start for s in sents]
    out: list[TimeExpr] = []
    for c in candidates(text):
        if not is_calendar(c, text):
            continue
        i = bisect.bisect_right(starts, c.start) - 1
        if 0 <= i < len(sents) and c.start < sents[i].end:
            s_start, s_end = sents[i].start, sents[i].end
        else:
            s_start, s_end = max(0, c.start - 200), min(len(text), c.end + 200)
        tense = clause_tense(text, c.start, c.end, s_start, max(s_end, c.end))
        value, gran, reason, end_value = resolve(c, text, pub, tense)
        if value is None and reason is None:
            reason = "unresolved"
        out.append(
            TimeExpr(
                c.start,
                c.end,
                text[c.start : c.end],
                value,
                gran,  # type: ignore[arg-type]
                reason,
                end_value,
            )
        )
    return out


# --- publication date from the text (datelines) and from the URL -----------------------


def _month_pattern() -> str:
    return _alt(list(lexicon()["_months"])) + _WE


_LABEL = (
    r"(?:(?i:publish(?:ed)?(?:\s*(?:date|on))?|updated(?:\s*on)?|last\s+updated|posted(?:\s+on)?|date)"
    r"|अपडेटेड|अपडेट|प्रकाशित|प्रकाशन\s*(?:तिथि|तारीख)|पब्लिश(?:्ड)?(?:\s*डेट)?|तारीख|दिनांक)"
)
_AGENCY = r"(?:भाषा|एजेंसी|एजेंसियां|आईएएनएस|पीटीआई|वार्ता|यूएनआई|एएनआई|ब्यूरो|हि\.स\.|[\p{L}\p{M} ]{2,20})"


@lru_cache(maxsize=1)
def _compiled() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    mon = _month_pattern()
    dig = r"[0-9०-९]"
    year = rf"(?P<y>[12]{dig}{{3}}|[१२][०-९]{{3}})"
    date_dmy = rf"(?P<d>{dig}{{1,2}})(?:st|nd|rd|th)?[\s\-/]*(?P<m>{mon})[\s,\-/]*{year}"
    date_mdy = rf"(?P<m2>{mon})\.?\s*(?P<d2>{dig}{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y2>[12]{dig}{{3}})"
    date_num = r"(?P<y3>[12]\d{3})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})|(?P<d4>\d{1,2})[/.\-](?P<m4>\d{1,2})[/.\-](?P<y4>[12]\d{3})"
    labelled = regex.compile(rf"{_LABEL}\s*[:：\-–]?\s*(?:[\p{{L}}\p{{M}}]+,?\s+)?(?:{date_dmy}|{date_mdy}|{date_num})")
    dateline = regex.compile(
        rf"(?m)^[^\S\n]*[\p{{L}}\p{{M}}. ]{{2,30}},{_S}?(?P<d>{dig}{{1,2}}|{_WB}[\p{{L}}\p{{M}}]+){_S}(?P<m>{mon})"
        rf"(?:,?{_S}(?P<y>[12]{dig}{{3}}))?\s*(?:\({_AGENCY}\)|[:।\-–|])"
    )
    year_pat = regex.compile(rf"{_WB}(?:19[5-9]\d|20\d\d){_WE}")
    return labelled, dateline, year_pat


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_of(word: str) -> int:
    from .timex_detect import _lookup

    return int(_lookup(lexicon()["_months"], word))


def published_from_text(text: str) -> str | None:
    """The publication date given by a dateline or a 'Publish Date:'/'अपडेटेड:' line.

    Looks in the first 1,500 characters. A dateline without a year (``नई दिल्ली, 13
    दिसंबर (भाषा)``) takes the year only when every year the text mentions is the same one.
    """
    from .timex_detect import parse_number

    head = text[:1500]
    labelled, dateline, year_pat = _compiled()
    m = labelled.search(head)
    if m:
        g = m.groupdict()
        if g.get("d"):
            return _iso(to_int(g["y"]), _month_of(g["m"]), to_int(g["d"]))
        if g.get("d2"):
            return _iso(to_int(g["y2"]), _month_of(g["m2"]), to_int(g["d2"]))
        if g.get("y3"):
            return _iso(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g.get("y4"):
            return _iso(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    m = dateline.search(head)
    if m:
        d = parse_number(m.group("d"))
        if d is None:
            return None
        if m.group("y"):
            return _iso(to_int(m.group("y")), _month_of(m.group("m")), d)
        years = Counter(to_int(y) for y in year_pat.findall(text.translate(_DIGITS)))
        if len(years) == 1:
            return _iso(next(iter(years)), _month_of(m.group("m")), d)
    return None


_URL_PATS = (
    regex.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|[?#])"),
    regex.compile(r"(?<!\d)((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?!\d)"),
    regex.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"),
)


def published_from_url(url: str) -> str | None:
    """``/2021/12/13/``, ``2021-12-13`` or ``20211213`` in a URL → ``2021-12-13``."""
    for pat in _URL_PATS:
        for m in pat.finditer(url):
            iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                return iso
    return None
