"""Whether two event reports may tell one real-world event, and why (docs/crossdoc.md).

:func:`compatible` is the pair test of :func:`vaarta.crossdoc.merge`. Everything it needs
from a report (folded participants, date intervals, the place chain, case counts read from
the evidence text) is computed once per report as :class:`Features`, so a merge pays the
regular expressions and the place lookups once per report, not once per pair.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .crossdoc_counts import (  # noqa: F401  (re-exported: tests and callers read them here)
    _DEATH_NEAR,
    _NO_BOUNDS,
    _NUM_WORDS,
    _within,
    case_bounds,
    case_counts,
    death_ordinals,
    large_counts,
    list_item_counts,
    new_deaths,
    text_tolls,
    tolls_apart,
)
from .crossdoc_evidence import background, content_words, ranking_only
from .crossdoc_figures import FIGURE, figure_match
from .crossdoc_measures import MEASURE_TYPES, different_measures, local_and_national, measure_objects
from .crossdoc_places import PlaceMap, as_place_map, loc_ok
from .crossdoc_statements import STATEMENT, statement_match
from .crossdoc_types import EventReport, Interval, event_date, fold, parse_date, participants, pub_window, span_days
from .events_tables import table_counts

# ---------------------------------------------------------------------------------------
# Tunables (docs/crossdoc.md "Merging events"):
PARTICIPANT_JACCARD = 0.5  # as spec/gold.md's event matching
DAY_SLACK = 1  # two different day values this far apart may still be one event (kept as a
#                contradiction) when the participants are non-empty and agree
# Types whose modes must agree when both are known (a flood and an earthquake in one state
# are two events); for other types outlets name one happening differently (बैठक / मुलाकात).
MODE_MUST_AGREE = frozenset({"DISASTER", "ACCIDENT"})
# Modes whose reports carry no participants and whose place is all that identifies them:
# the places must be equal, not merely one inside the other (Delhi's count is not India's).
EXACT_PLACE_MODES = frozenset({"epidemic"})
# Modes for which different death tolls mean different reports: epidemic tolls are
# cumulative snapshots (38 deaths at 8 am, 59 by the evening), not outlets disagreeing.
TOLL_SEPARATES_MODES = frozenset({"epidemic"})
# Modes told apart by the numbers in their evidence (round 7, eval/clusters/covid-gold.jsonl):
# two bulletins of one place whose case counts of one kind (new cases; totals) share no
# number are two bulletins (Delhi 120 vs 152, South Korea 123 vs ~500 new) unless their
# death tolls agree (one bulletin, case numbers for different regions); "the first death"
# is not "the second death". Applies only when both reports carry their evidence text
# (EventReport.evidence_text).
COUNTED_MODES = frozenset({"epidemic"})
# Also refuse a report with no number at all ("कई लोग संक्रमित पाये गये")? Measured: precision
# 0.77 -> 0.88 but recall 0.77 -> 0.50 on covid-gold (round-up sentences do tell the event), off.
REQUIRE_A_NUMBER = False
# A ranking is no bulletin (round 8): an evidence part that ranks places ("मौत के सर्वाधिक
# मामले महाराष्ट्र में", "केरल, महाराष्ट्र … में अभी तक सबसे अधिक मामले") and gives no number
# tells a standing, not one day's count. A report all of whose evidence parts are such
# rankings is not merged on its place alone (it still merges through shared participants).
# Tried and left off: also refusing number-less lists of places ("महाराष्ट्र, तमिलनाडु और
# दिल्ली में नए मामले"): tuning F1 0.704 -> 0.657; such a list does tell the day's news.
# Needs the evidence text, like the count rules.
RANKING_NOT_A_BULLETIN = True
# Two bulletins of one place that share a specific case count (>= SPECIFIC_COUNT, not a year)
# are one bulletin even when their days differ by up to BULLETIN_DAY_SLACK (a night bulletin
# dated by one outlet on its day, by another on the next).
SPECIFIC_COUNT = 10
BULLETIN_DAY_SLACK = 2
# Crossdoc round 16: across publication days the shared count must be this large (a small count
# unchanged for days is told afresh each day: Haryana's 17 on 19, 20 and 21 Mar)
CROSS_DAY_COUNT_MIN = 100
# Bulletins are snapshots of one day (round 9): two reports of one place published on
# different days, and not about one day (a report's day: its date when it gives a day, else
# its publication day), are two bulletins unless they share a specific count (above), the
# same toll or the same death ordinal. This
# keeps apart the national bulletins of consecutive days when one outlet gives only the new
# cases and the other only the total (nothing to compare kind by kind) or no number at all,
# and still joins "published D, about yesterday's count" with a report published D-1.
BULLETIN_ONE_DAY = False  # measured: tuning F1 0.778 -> 0.761 (see docs), off
# Crossdoc round 12: a report of something that did not happen ("रिपोर्ट निगेटिव आई") is never
# the same event as one of something that did
NEGATED_APART = True
# Crossdoc round 12: a place's first (second …) death is its own event; a report of that place
# that tells no death at all (a count, a table row) is not it
DEATH_NEEDS_DEATH = True
# Crossdoc round 12: a count is reported on its day or after it, so an undated count published on
# one day is not a count dated the day after (the one-day slack of _date_ok is for measures)
COUNTS_NOT_AHEAD = True
# Crossdoc round 12: counts of one kind that differ are no proof of two bulletins when one side's
# specific count is written in the other's evidence, read there as no count of that kind ("110 के
# तमिलनाडु में संक्रमित होने की पुष्टि … संख्या 234" vs "तमिलनाडु में 110 संक्रमित")
COUNT_IN_OTHER_TEXT = True
# Crossdoc round 12: two reports whose only participants are places (the same country on both
# sides) share no party; round 7's "only places in common" covered unequal sets only
PLACES_ONLY_APART = True
# Crossdoc round 12: a report told only as background ("इससे पहले प्रधानमंत्री ने दो अप्रैल को … बातचीत
# की थी") recalls an older event; it is not that event's news and is not merged (unless dated the
# day of publication: "इससे पहले प्रधानमंत्री ने आज …" is the day's news told second)
BACKGROUND_APART = True
# Crossdoc round 13: a report dated wholly more than BACKGROUND_DAYS before its publication (the
# outbreak "दिसंबर 2019 में वुहान से शुरू हुआ") is background, not the day's news: not merged.
# Round 19: a week, not two (the lockdown announced on 24 Mar recalled on 7 Apr): 31 tuning days
# 0.767 -> 0.770, the same for any value from 3 to 10.
OLD_BACKGROUND = True
BACKGROUND_DAYS = 7
# Crossdoc round 13: two reports of a happening that names no party (a count, a sealing, a closure)
# published on different days are of different days' news unless they share a specific count (one
# bulletin told on two days): the cluster gold lists an event when articles report it "as news of
# the day", and on the 15 tuning days no gold pair joins two publication days, while the pair test
# joined 19 such pairs of consecutive days, none true. Planned-then-occurred and named parties
# (a summit told by an agency the day after) still join across days.
ONE_PUBLICATION_DAY = True
# Crossdoc round 16: an epidemic report with no place (events_bulletins.PLACELESS_COUNTS) joins a
# report that gives the same case count of crossdoc_counts.LARGE_COUNT (100) or more,
# published the same day; nothing else joins it. PLACELESS_NATIONAL_ONLY: the other report is
# place-less too or a country's (PlaceMap.is_country: a top place of the hierarchy, not a place missing
# from it; a headline without a place is mostly the national count; UP's 348 is not Rajasthan's 348 of
# that day)
PLACELESS_BY_COUNT = True
PLACELESS_NATIONAL_ONLY = True
# Crossdoc round 22: a forecast of counts ("सितंबर के आखिर तक … मामले 111 करोड़ तक जा सकते हैं") is no
# bulletin: a counted report that is planned or possible never joins one that occurred
FORECAST_APART = True
# Crossdoc round 22: acts of speech have a speaker: two requests, accusations, endorsements,
# rejections or threats whose actors are named on both sides and share no one are two acts (the
# Congress leader's demand for a shutdown is not the Prime Minister's appeal it mentions)
SPEAKER_TYPES = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN"})
SPEAKERS_APART = True
# Flag (round 23): a table's row (events_tables) joins a report only by a figure in common (a count, the toll)
TABLE_ROW_BY_FIGURE = True
ROW_NO_FIGURE = "a table's row and no figure in common"  # its reason (a soft-link reason: crossdoc_join)
# Flag (round 24): a table's row is its day's figure, not a recalled event: a date-wise table of 7 April
# gives 27 March's national count exactly as 27 March's bulletins did (not background, BACKGROUND_DAYS)
TABLE_ROW_NOT_BACKGROUND = True


# ---------------------------------------------------------------------------------------
def specific_counts(f: Features) -> frozenset[int]:
    """Case counts specific enough to identify a bulletin: two digits or more, not a year."""
    return frozenset(n for n in f.new_cases | f.cases if n >= SPECIFIC_COUNT and not 1900 <= n <= 2100)


@dataclass(frozen=True, slots=True)
class Features:
    """What the pair test reads from one report, computed once."""

    report: EventReport
    parts: frozenset[str]
    date: Interval | None
    window: Interval | None
    published: Interval | None
    loc: str | None
    counted: bool  # the count rules apply (a counted mode, evidence text known)
    new_cases: frozenset[int]
    cases: frozenset[int]  # other case counts (totals)
    death_ord: frozenset[int]
    no_death: bool = False  # counted, and the evidence tells no death at all (DEATH_NEEDS_DEATH)
    background: bool = False  # every evidence part recalls an earlier event ("इससे पहले …", BACKGROUND_APART)
    ranking: bool = False  # every evidence part a ranking with no number (ranking_only)
    words: frozenset[str] = frozenset()  # content words of the evidence text
    bounds: frozenset[int] = frozenset()  # totals given as thresholds passed (CASE_BOUNDS)
    tolls: frozenset[int] = frozenset()  # the event's toll, or tolls written in the evidence (TEXT_TOLLS)
    objects: frozenset[str] = frozenset()  # what a measure is about (crossdoc_measures)
    new_deaths: bool = False  # the event's toll is told as deaths added, not a total (NEW_DEATHS_APART)
    table: bool = False  # the report is a table's row (events_tables)


_NO_OBJECTS: frozenset[str] = frozenset()


def features(r: EventReport) -> Features:
    ev = r.event
    counted = ev.mode in COUNTED_MODES and r.evidence_text is not None
    text = r.evidence_text or ""
    new, other, bounds = case_bounds(text) if counted else (_NO_BOUNDS, _NO_BOUNDS, _NO_BOUNDS)
    published = parse_date(r.published)
    date = event_date(r, published)  # a future date of an occurred count is unknown (round 13), a month too (16)
    told = event_date(r, published, told=True)
    table = counted and table_counts(text) is not None
    return Features(
        report=r,
        parts=participants(ev),
        date=date,
        window=pub_window(r),
        published=published,
        loc=ev.location,
        counted=counted,
        new_cases=new,
        cases=other,
        death_ord=death_ordinals(text) if counted else frozenset(),
        no_death=counted and ev.killed is None and not _DEATH_NEAR.search(text),
        background=not (TABLE_ROW_NOT_BACKGROUND and table)
        and ((BACKGROUND_APART and ev.date != r.published and background(text)) or _old(told, published)),
        ranking=RANKING_NOT_A_BULLETIN and counted and ranking_only(text),
        words=content_words(text),
        bounds=bounds,
        tolls=frozenset({ev.killed}) if ev.killed is not None else (text_tolls(text) if counted else _NO_BOUNDS),
        objects=measure_objects(text) if ev.type in MEASURE_TYPES else _NO_OBJECTS,
        new_deaths=counted and new_deaths(text, ev.killed),
        table=table,
    )


def _old(date: Interval | None, published: Interval | None) -> bool:
    """Whether a report is dated wholly more than BACKGROUND_DAYS before its publication (OLD_BACKGROUND)."""
    return OLD_BACKGROUND and date is not None and published is not None and (published[0] - date[1]).days > BACKGROUND_DAYS


def _date_ok(fa: Features, fb: Features, strong_people: bool) -> tuple[bool, str]:
    ia, ib = fa.date, fb.date
    a, b = fa.report, fb.report
    if ia is not None and ib is not None:
        if ia == ib:
            return True, "same date"
        if (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1]):
            return True, "one date within the other"
        if span_days(ia) == 0 and span_days(ib) == 0 and strong_people and abs((ia[0] - ib[0]).days) <= DAY_SLACK:
            return True, f"dates {DAY_SLACK} day apart"
        return False, "different dates"
    wa = ia if ia is not None else fa.window
    wb = ib if ib is not None else fb.window
    if wa is None or wb is None:
        return False, "no date to compare"
    if wa[0] <= wb[1] and wb[0] <= wa[1]:
        planned = {a.event.status, b.event.status} & {"planned", "possible"}
        if planned and {a.event.status, b.event.status} & {"occurred"}:
            return True, "planned, then reported as occurred"
        return True, "undated report published near the date"
    if strong_people and (ia is None) != (ib is None) and not (COUNTS_NOT_AHEAD and fa.counted and fb.counted):
        # a dated day up to DAY_SLACK after an undated report's publication, when the
        # participants (or an epidemic's place) agree: the day a measure takes effect
        # ("सोमवार से"), or one outlet resolving "कल" a day later
        day, und = (ia, fb) if ia is not None else (ib, fa)
        pub = und.published
        if (
            day is not None
            and span_days(day) == 0
            and pub is not None
            and und.report.event.status == "occurred"
            and 0 < (day[0] - pub[0]).days <= DAY_SLACK
        ):
            return True, "undated report published a day before the date"
    return False, "published too far apart"


def _has_number(f: Features) -> bool:
    return bool(f.cases or f.new_cases or f.death_ord or f.report.event.killed is not None)


def _counts_ok(fa: Features, fb: Features) -> tuple[bool, str]:
    if not (fa.counted and fb.counted):
        return True, ""
    if fa.death_ord and fb.death_ord and not fa.death_ord & fb.death_ord:
        return False, "different deaths (first, second)"
    if DEATH_NEEDS_DEATH and ((fa.death_ord and fb.no_death) or (fb.death_ord and fa.no_death)):
        return False, "a numbered death and a report with no death"
    if REQUIRE_A_NUMBER and not (_has_number(fa) and _has_number(fb)):
        return False, "a bulletin with no number"
    ka, kb = fa.report.event.killed, fb.report.event.killed
    if ka is not None and ka == kb:
        return True, "same toll"  # one bulletin; its case numbers may be for different regions
    common = False
    slip = False
    for xa, xb in ((fa.new_cases, fb.new_cases), (fa.cases, fb.cases)):
        if xa and xb:
            if not xa & xb and not (COUNT_IN_OTHER_TEXT and (_told(xa, fb) or _told(xb, fa))):
                if not _near(xa, xb):
                    return False, "different case counts"
                slip = True
            common = True
    for xb, xc in ((fa.bounds, fb.cases | fb.new_cases), (fb.bounds, fa.cases | fa.new_cases)):
        within = _within(xb, xc)
        if within is False:
            return False, "a count below or far above a threshold"
        common = common or bool(within)
    if slip:
        return True, "case counts a slip apart"
    return True, "a case count in common" if common else ""


# Flag (round 24): two large counts a slip apart (1335 and 1336 new cases: one bulletin, one outlet's
# typo or a late revision) are one figure told two ways, not two bulletins (each report keeps its own
# reading in its evidence). At most NEAR_COUNT_SLIP of the larger, counts of NEAR_COUNT_MIN or more.
NEAR_COUNTS = True
NEAR_COUNT_MIN = 500
NEAR_COUNT_SLIP = 0.001


def _near(xa: frozenset[int], xb: frozenset[int]) -> bool:
    """Whether a count of one side is within a slip (NEAR_COUNTS) of one of the other's."""
    return NEAR_COUNTS and any(
        min(a, b) >= NEAR_COUNT_MIN and abs(a - b) <= max(1, int(max(a, b) * NEAR_COUNT_SLIP)) for a in xa for b in xb
    )


def _told(counts: frozenset[int], f: Features) -> bool:
    """Whether a specific count (two digits or more, not a year) is written anywhere in the other
    report's evidence (COUNT_IN_OTHER_TEXT)."""
    return any(n >= SPECIFIC_COUNT and not 1900 <= n <= 2100 and str(n) in f.words for n in counts)


def _same_bulletin(fa: Features, fb: Features) -> bool:
    """Both counted, sharing a specific count of one kind, dated at most BULLETIN_DAY_SLACK apart."""
    if not (fa.counted and fb.counted):
        return False
    shared = (fa.new_cases & fb.new_cases) | (fa.cases & fb.cases)
    if not shared & specific_counts(fa):
        return False
    if CROSS_DAY_COUNT_MIN and fa.published != fb.published and max(shared & specific_counts(fa)) < CROSS_DAY_COUNT_MIN:
        return False  # a state's 17 on three days running: an unchanged count, not one bulletin
    da = fa.date or fa.published
    db = fb.date or fb.published
    return da is not None and db is not None and abs((da[0] - db[0]).days) <= BULLETIN_DAY_SLACK


def _placeless_pair(fa: Features, fb: Features) -> bool:
    """Both counted, published the same day and sharing a large case count (PLACELESS_BY_COUNT)."""
    if not (fa.counted and fb.counted) or fa.published is None or fa.published != fb.published:
        return False  # one day's papers: the gold lists no pair of two publication days (ONE_PUBLICATION_DAY)
    return bool(large_counts((fa.new_cases | fa.cases) & (fb.new_cases | fb.cases)))


def placeless_partner(loc: str | None, inside: PlaceMap) -> bool:
    """Whether a report at ``loc`` may join a place-less count: one with no place, or a country's
    (any place when PLACELESS_NATIONAL_ONLY is off)."""
    return loc is None or not PLACELESS_NATIONAL_ONLY or inside.is_country(inside.chain(loc)[0])


def _day(f: Features) -> Interval | None:
    """The day a bulletin report is about: its date when it gives one day, else its publication day."""
    if f.date is not None and span_days(f.date) == 0:
        return f.date
    return f.published


def _other_day_bulletin(fa: Features, fb: Features) -> bool:
    """Two reports of one place's epidemic counts about different days, with no specific
    count in common (BULLETIN_ONE_DAY)."""
    if fa.published is None or fb.published is None or fa.published == fb.published:
        return False  # one day's papers: "yesterday's" count and today's may be one bulletin
    da, db = _day(fa), _day(fb)
    if da is None or db is None or da == db:
        return False
    ka = fa.report.event.killed
    if (ka is not None and ka == fb.report.event.killed) or fa.death_ord & fb.death_ord:
        return False  # the same toll, the same "second death": one bulletin
    return not _same_bulletin(fa, fb)


def _other_day_news(fa: Features, fb: Features) -> bool:
    """Two occurred reports of different publication days that tell different days' news
    (ONE_PUBLICATION_DAY): two counted bulletins, or two undated reports, sharing no specific count."""
    if not (fa.report.event.status == fb.report.event.status == "occurred"):
        return False
    if fa.published is None or fb.published is None or fa.published == fb.published:
        return False
    return ((fa.counted and fb.counted) or (fa.date is None and fb.date is None)) and not _same_bulletin(fa, fb)


def _forecast(status: str | None) -> bool:
    return status in ("planned", "possible")


def _speakers_apart(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two named actor lists share no one (folded), both non-empty (SPEAKERS_APART)."""
    return bool(a and b) and not {fold(x) for x in a} & {fold(x) for x in b}


def match(fa: Features, fb: Features, inside: PlaceMap) -> tuple[bool, str]:
    """:func:`compatible` on precomputed :class:`Features`."""
    ea, eb = fa.report.event, fb.report.event
    if ea.type != eb.type:
        return False, "different types"
    if ea.type == STATEMENT:
        return statement_match(fa.report, fb.report, fa.words, fb.words)
    if ea.type == FIGURE:
        return figure_match(fa.report, fb.report)
    if ea.type in MODE_MUST_AGREE and ea.mode and eb.mode and ea.mode != eb.mode:
        return False, "different modes"
    if ea.mode == "visit" and eb.mode == "visit" and not (ea.actors and eb.actors):
        return False, "a visit with no traveller named"  # "इटली की यात्रा की थी": someone's travel history
    if NEGATED_APART and (ea.status == "negated") != (eb.status == "negated"):
        return False, "reported as not having happened on one side"
    exact = {ea.mode, eb.mode} & EXACT_PLACE_MODES
    if (
        exact
        and ea.killed is not None
        and eb.killed is not None
        and ea.killed != eb.killed
        and exact & TOLL_SEPARATES_MODES
        and fa.new_deaths == fb.new_deaths  # the day's deaths and a total are not two tolls
    ):
        return False, "different tolls"
    if exact and tolls_apart(fa.tolls, fb.tolls) and fa.new_deaths == fb.new_deaths:
        return False, "different tolls (written)"
    if fa.background or fb.background:
        return False, "an earlier event recalled"
    if FORECAST_APART and exact & COUNTED_MODES and _forecast(ea.status) != _forecast(eb.status):
        return False, "a forecast and a count"
    if SPEAKERS_APART and ea.type in SPEAKER_TYPES and _speakers_apart(ea.actors, eb.actors):
        return False, "different speakers"
    if different_measures(ea.type, fa.objects, fb.objects):
        return False, "measures of different things"
    c_ok, c_why = _counts_ok(fa, fb)
    if not c_ok:
        return False, c_why
    if TABLE_ROW_BY_FIGURE and (fa.table or fb.table) and not c_why:
        return False, ROW_NO_FIGURE  # a row tells nothing but its numbers
    pa, pb = fa.parts, fb.parts
    l_ok, loc_why = loc_ok(fa.loc, fb.loc, inside, bool(exact))
    if not l_ok:
        return False, loc_why
    if local_and_national(ea.type, fa.loc, fb.loc, inside):
        return False, "a local measure and the country's"
    reasons = ["same type"]
    strong = False
    if pa and pb:
        j = len(pa & pb) / len(pa | pb)
        if PLACES_ONLY_APART and all(inside.is_place(p) for p in pa | pb):
            # the same place only ("India" as the party of two talks): the place, not a party
            return False, "only places as participants"
        if pa == pb:
            reasons.append("same participants")
            strong = True
        elif all(inside.is_place(p) for p in pa & pb):
            # sharing only a country or a state ("India" as the recipient of a visit and of
            # a count) is no shared participant: many different events involve India
            return False, "only places in common"
        elif pa <= pb or pb <= pa:
            reasons.append("participants one within the other")
            strong = True
        elif j >= PARTICIPANT_JACCARD:
            reasons.append(f"participants overlap (Jaccard {j:.2f})")
            strong = True
        else:
            return False, "different participants"
    else:
        if fa.loc is None or fb.loc is None:
            if not (PLACELESS_BY_COUNT and exact and _placeless_pair(fa, fb) and placeless_partner(fa.loc or fb.loc, inside)):
                return False, "no participants and no shared location"
            loc_why = "no place on one side, the same count"
        if fa.ranking or fb.ranking:
            return False, "a ranking, not a bulletin"
        reasons.append("no participants on one side")
        # an epidemic update is identified by its place: two counts for one state given a
        # day apart ("मंगलवार को" / "बुधवार को" for one overnight bulletin) may be one report
        strong = bool(exact) and loc_why == "same location"
    if BULLETIN_ONE_DAY and bool(exact & COUNTED_MODES) and _other_day_bulletin(fa, fb):
        return False, "bulletins of different days"
    if ONE_PUBLICATION_DAY and not (fa.parts and fb.parts) and _other_day_news(fa, fb):
        return False, "no party, published on different days"
    d_ok, d_why = _date_ok(fa, fb, strong)
    if not d_ok and exact and loc_why == "same location" and _same_bulletin(fa, fb):
        d_ok, d_why = True, "one bulletin (same place, same count), days apart"
    if not d_ok:
        return False, d_why
    reasons.append(d_why)
    if c_why:
        reasons.append(c_why)
    reasons.append(loc_why)
    return True, ", ".join(reasons)


def compatible(a: EventReport, b: EventReport, inside: Mapping[str, str] | None = None) -> tuple[bool, str]:
    """Whether two reports may tell the same event, and why (or why not)."""
    places = as_place_map(inside if inside is not None else {})
    return match(features(a), features(b), places)


def score(fa: Features, fb: Features) -> float:
    """How specific a (compatible) match is, to choose between candidate clusters."""
    a, b = fa.report.event, fb.report.event
    pa, pb = fa.parts, fb.parts
    s = len(pa & pb) / len(pa | pb) if pa | pb else 0.0
    if a.date and a.date == b.date:
        s += 1.0
    if a.location and b.location and fold(a.location) == fold(b.location):
        s += 0.5
    if fa.cases & fb.cases or fa.new_cases & fb.new_cases:
        s += 0.5
    if fa.words and fb.words:  # similar evidence sentences (round 8): a tiebreak, at most 0.5
        s += 0.5 * len(fa.words & fb.words) / len(fa.words | fb.words)
    return s
