"""Resolve detected Hindi time expressions against the publication date.

Tense: the clause after the expression (up to the sentence end or a clause break such as
``कि``) is read from its end, where Hindi puts the verb group: a future form (``करेंगे``,
``होगी``, ``जाएगा``, modal ``सकती है``) makes it future, a past form (``था``, ``किया``,
``हुई``, ergative ``ने``) past, a bare copula (``है``) present. With no marker in the
clause the whole sentence is read; with none there either, news is assumed past.

Decisions (documented in docs/time.md):
* ``कल``/``परसों``: past → yesterday / day before; future or present → tomorrow / +2.
* A weekday equal to the publication day is that same day, whatever the tense; otherwise
  past → the latest earlier such weekday, future/present → the next one. ``पिछले X`` is
  strictly before, ``अगले X`` strictly after the publication day.
* A bare day-month (or month) takes the publication year unless it then lies more than
  60 days on the wrong side of the publication date for the tense (past: after it,
  future: before it); with no tense the nearest of the three candidate years wins.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import regex

from .timex_detect import Candidate, _lookup, lexicon, parse_number, to_int

NO_PUB = "no publication date"
SLACK_DAYS = 60  # how far a bare date may sit on the "wrong" side of publication for its tense
CLAUSE_WINDOW = 600  # characters read on each side of an expression for its clause's tense

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_STOP = regex.compile(r"[।॥?!;\n]|\.(?=\s)")


def clause_tense(text: str, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
    """``"past"``, ``"future"``, ``"present"`` or ``None`` for the clause holding the span."""
    lx = lexicon()
    breaks = _word_sets()[4]
    # a window, not the whole sentence: a sentence without punctuation can be megabytes long
    sent_end = min(sent_end, end + CLAUSE_WINDOW)
    sent_start = max(sent_start, start - CLAUSE_WINDOW)
    stop = _STOP.search(text, end, sent_end)
    clause_end = stop.start() if stop else sent_end
    clause: list[str] = []
    for w in _WORD.findall(text, end, clause_end):
        if w in breaks:
            break
        clause.append(w)
    before: list[str] = []
    for w in reversed(_WORD.findall(text, sent_start, start)):
        if w in breaks:
            break
        before.append(w)
    t = _tense_of(clause, lx)
    if t is None:
        t = _tense_of(before[::-1] + clause, lx)
    if t != "future" and "ने" in before:
        return "past"  # ergative subject before the expression: X ने सोमवार को …
    return t


@cache
def _word_sets() -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(future suffixes, future words, past words, present auxiliaries, clause breaks), built once."""
    lx = lexicon()
    return (
        tuple(lx["tense_future_suffixes"]),
        frozenset(lx["tense_future_words"]),
        frozenset(lx["tense_past_words"]),
        frozenset(lx["tense_present_aux"]),
        frozenset(lx["clause_breaks"]),
    )


def _tense_of(words: list[str], lx: dict[str, Any]) -> str | None:
    fut_suf, fut_words, past_words, present, _ = _word_sets()
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        prev = words[i - 1] if i else ""
        if w in ("वाला", "वाली", "वाले"):
            if prev.endswith("ने"):
                return "future"
            continue
        if w.endswith(fut_suf) or (w in fut_words and w not in ("वाला", "वाली", "वाले")):
            return "future"
        if w in past_words:
            return "past"
        if w in present:
            if prev in past_words or prev in ("की", "कीं", "के"):
                return "past"  # present perfect: किया है, गई है, मंजूर की है
            if prev in ("रहा", "रही", "रहे"):
                return "present"
            if prev.endswith(fut_suf) or prev in fut_words:
                return "future"
            return "present"
    if "ने" in words:
        return "past"
    return None


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(pub: dt.date, m: int, d: int, tense: str | None) -> dt.date | None:
    opts = [x for x in (_date(pub.year + k, m, d) for k in (-1, 0, 1)) if x]
    same = _date(pub.year, m, d)
    if same is None:
        return None
    delta = (same - pub).days
    if tense == "past" and delta > SLACK_DAYS:
        return _date(pub.year - 1, m, d)
    if tense in ("future", "present") and delta < -SLACK_DAYS:
        return _date(pub.year + 1, m, d)
    if tense is None:
        return min(opts, key=lambda x: abs((x - pub).days))
    return same


def _month_num(word: str) -> int:
    lx = lexicon()
    v = _lookup(lx["_months"], word)
    if v is None:
        v = _lookup(lx["_short"], word)
    return int(v)


def _mod(word: str | None) -> str | None:
    return None if word is None else _lookup(lexicon()["_mods"], word)


def resolve(
    c: Candidate, text: str, pub: dt.date | None, tense: str | None
) -> tuple[str | None, str | None, str | None, str | None]:
    """(value, granularity, reason, end_value) for one calendar candidate."""
    k = c.kind
    if k == "range":
        a, b = c.get("a"), c.get("b")
        va = resolve(a, text, pub, tense)
        vb = resolve(b, text, pub, tense)
        return va[0], va[1], va[2], vb[0]
    if k in ("dmy", "range_dd", "md", "numeric", "iso"):
        d = parse_number(c.get("d"))
        m = (
            to_int(c.get("m"))
            if k in ("numeric", "iso")
            else (_month_num(c.get("m")) if c.get("m") else (pub.month if pub else None))
        )
        y = c.get("y")
        if d is None:
            return None, "day", "unparsed", None
        if y is not None:
            yi = to_int(y)
            if yi < 100:
                yi += 2000
            if m is None:
                return None, "day", NO_PUB, None
            date = _date(yi, m, d)
            return (date.isoformat() if date else None), "day", None if date else "invalid date", None
        if pub is None or m is None:
            return None, "day", NO_PUB, None
        # "13 तारीख" (no month): a day of the publication month
        date = _date(pub.year, pub.month, d) if c.get("m") is None else _infer_year(pub, m, d, tense)
        end = None
        if c.get("d2") and date:
            d2 = parse_number(c.get("d2"))
            e = _date(date.year, date.month, d2) if d2 else None
            end = e.isoformat() if e else None
        return (date.isoformat() if date else None), "day", None if date else "invalid date", end
    if k == "my":
        return f"{to_int(c.get('y')):04d}-{_month_num(c.get('m')):02d}", "month", None, None
    if k == "year":
        y2 = c.get("y2")
        end = None
        if y2:
            v2 = to_int(y2)
            end = str(v2 if v2 >= 100 else (to_int(c.get("y")) // 100) * 100 + v2)
        return str(to_int(c.get("y"))), "year", None, end
    if pub is None:
        gran = {"rel_month": "day" if c.get("d") else "month", "month": "month", "weekday": "day", "dayword": "day"}.get(k)
        if k in ("relunit", "unitpart", "ago"):
            gran = _gran(lexicon()["_units"].get(c.get("u")) or _lookup(lexicon()["_units"], c.get("u")))
        return None, gran, NO_PUB, None
    if k == "rel_month":
        off = {"past": -1, "next": 1}.get(_mod(c.get("mod")) or "", 0)
        m = _month_num(c.get("m"))
        if c.get("d"):
            date = _date(pub.year + off, m, parse_number(c.get("d")) or 0)
            return (date.isoformat() if date else None), "day", None if date else "invalid date", None
        return f"{pub.year + off:04d}-{m:02d}", "month", None, None
    if k == "month":
        m = _month_num(c.get("m"))
        mod = _mod(c.get("mod"))
        if mod == "past":
            y = pub.year if m < pub.month else pub.year - 1
        elif mod == "next":
            y = pub.year if m > pub.month else pub.year + 1
        elif mod == "this":
            y = pub.year
        else:
            date = _infer_year(pub, m, 1 if m != pub.month else pub.day, tense)
            y = date.year if date else pub.year
        return f"{y:04d}-{m:02d}", "month", None, None
    if k == "weekday":
        w = _lookup(lexicon()["_weekdays"], c.get("w"))
        mod = _mod(c.get("mod"))
        p = pub.weekday()
        if mod == "past":
            back = (p - w) % 7 or 7
            return (pub - dt.timedelta(days=back)).isoformat(), "day", None, None
        if mod == "next":
            fwd = (w - p) % 7 or 7
            return (pub + dt.timedelta(days=fwd)).isoformat(), "day", None, None
        if tense in ("future", "present"):
            return (pub + dt.timedelta(days=(w - p) % 7)).isoformat(), "day", None, None
        return (pub - dt.timedelta(days=(p - w) % 7)).isoformat(), "day", None, None
    if k == "dayword":
        r = " ".join(c.get("r").split())
        off = _lookup(lexicon()["day_words"], r)
        if off is None:
            off = 0
        if off > 0 and tense == "past":
            off = -off
        return (pub + dt.timedelta(days=off)).isoformat(), "day", None, None
    if k in ("relunit", "unitpart"):
        unit = _lookup(lexicon()["_units"], c.get("u"))
        mod = _mod(c.get("mod"))
        off = {"past": -1, "next": 1}.get(mod or "", 0)
        part = _lookup(lexicon()["_parts"], c.get("part")) if c.get("part") else None
        if unit == "week":
            # "सप्ताह के अंत में": the weekend just gone (past) or coming (future)
            if mod is None and part == "end" and tense == "past" and pub.weekday() < 5:
                off = -1
            return _iso_week(pub + dt.timedelta(weeks=off)), "week", None, None
        if unit == "month":
            y, m = _add_months(pub.year, pub.month, off)
            return f"{y:04d}-{m:02d}", "month", None, None
        if unit == "year":
            return str(pub.year + off), "year", None, None
        return None, None, "unsupported unit", None
    if k == "ago":
        n = parse_number(c.get("n"))
        unit = _lookup(lexicon()["_units"], c.get("u"))
        sign = 1 if c.get("dir") in ("बाद", "पश्चात") else -1
        if n is None:
            return None, None, "vague", None
        if unit == "day":
            return (pub + dt.timedelta(days=sign * n)).isoformat(), "day", None, None
        if unit == "week":
            return _iso_week(pub + dt.timedelta(weeks=sign * n)), "week", None, None
        if unit == "month":
            y, m = _add_months(pub.year, pub.month, sign * n)
            return f"{y:04d}-{m:02d}", "month", None, None
        if unit == "year":
            return str(pub.year + sign * n), "year", None, None
    return None, None, "unsupported", None


def _gran(unit: str | None) -> str | None:
    return unit if unit in ("day", "week", "month", "year") else None
