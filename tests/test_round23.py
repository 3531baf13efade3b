"""Crossdoc round 23 (twelfth session) (issue 6): a count the Union health ministry gives is the
country's, and an undated plan is near. Hindi sentences written for these tests."""

from __future__ import annotations

from functools import cache

import pytest

from vaarta import crossdoc_types, events_bulletins, pipeline
from vaarta.crossdoc import EventReport, compatible
from vaarta.model import Article, Event, Record, Resources, Span


@cache
def _res() -> Resources:
    return pipeline.load_resources()


def _epidemic(body: str, published: str) -> tuple[str, list[Event]]:
    """The text and the epidemic reports of an article of ``body`` under a fixed headline."""
    art = Article(id="x", source="x", raw="कोरोना अपडेट\n" + body, title="कोरोना अपडेट", published=published)
    rec = pipeline.analyse_article(art, _res())
    assert isinstance(rec, Record)
    return rec.document.text, [e for e in rec.events if e.mode == "epidemic"]


def _places(body: str, published: str = "2020-04-21") -> list[str | None]:
    return [e.location for e in _epidemic(body, published)[1]]


MINISTRY = "भारत में लोग घरों में हैं। वहीं, स्वास्थ्य मंत्रालय ने बताया कि पिछले 24 घंटे में 1335 नए मामले सामने आए हैं।"


def test_the_union_health_ministry_gives_the_country_s_count() -> None:
    assert _places(MINISTRY) == ["India"]


def test_the_icmr_gives_the_country_s_count() -> None:
    body = "भारत में जांच तेज की गई है। आईसीएमआर के अनुसार शनिवार को 2154 नए मरीज मिले।"
    assert _places(body, "2020-04-18") == ["India"]


def test_union_health_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_bulletins, "UNION_HEALTH_COUNTS", False)
    assert _places(MINISTRY) == [None]


def test_a_foreign_ministry_s_count_is_not_india_s() -> None:
    body = "भारत ने ईरान से लोगों को निकाला। ईरान में हालात खराब हैं। स्वास्थ्य मंत्रालय के प्रवक्ता ने बताया कि 385 नए मामले सामने आए हैं।"
    assert "India" not in _places(body, "2020-03-02")


def test_a_state_s_ministry_is_not_the_union_s() -> None:
    assert events_bulletins.UNION_HEALTH.search("केंद्रीय स्वास्थ्य एवं परिवार कल्याण मंत्रालय ने कहा")
    assert events_bulletins.UNION_HEALTH.search("स्वास्थ्य और परिवार कल्याण मंत्रालय के मुताबिक")
    assert not events_bulletins.UNION_HEALTH.search("राज्य स्वास्थ्य मंत्रालय ने कहा")
    assert not events_bulletins.UNION_HEALTH.search("प्रदेश के स्वास्थ्य मंत्रालय ने कहा")


def test_a_counted_place_keeps_its_place() -> None:
    body = "भारत में मामले बढ़े। स्वास्थ्य मंत्रालय के अनुसार महाराष्ट्र में 552 नए मामले सामने आए।"
    assert _places(body) == ["Maharashtra"]


# --- an undated plan is near: it does not meet an occurrence weeks later (crossdoc) ---


def _measure(art: str, status: str, published: str, text: str) -> EventReport:
    ev = Event("COERCE", status, (), (), (Span(0, 5),), None, "Delhi", None)
    return EventReport(art, 0, published, "s", ev, text)


PLAN = _measure("a", "planned", "2020-03-22", "दिल्ली में सोमवार सुबह से सब कुछ बंद रहेगा।")


def test_an_undated_plan_meets_what_happened_days_later() -> None:
    done = _measure("b", "occurred", "2020-03-24", "दिल्ली में सभी दुकानें बंद कर दी गईं।")
    assert compatible(PLAN, done)[0]


def test_an_undated_plan_does_not_meet_what_happened_weeks_later() -> None:
    later = _measure("c", "occurred", "2020-04-09", "दिल्ली में 21 इलाकों को सील कर दिया गया।")
    ok, why = compatible(PLAN, later)
    assert not ok and why == "published too far apart"


def test_planned_window_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    later = _measure("c", "occurred", "2020-04-09", "दिल्ली में 21 इलाकों को सील कर दिया गया।")
    monkeypatch.setattr(crossdoc_types, "PLANNED_AHEAD_DAYS", 30)  # the setting before round 23
    assert compatible(PLAN, later)[0]


# --- a "since" phrase's time is not the day of the happening (events stage) ---


def _dates(body: str, published: str) -> list[str | None]:
    return [e.date for e in _epidemic(body, published)[1]]


SINCE = "भारत में हालात गंभीर हैं। मंत्रालय के बुधवार के आंकड़ों के अनुसार मंगलवार की रिपोर्ट आने के बाद से देश में मौत के तीन नए मामले सामने आए हैं।"


def test_what_happened_since_tuesday_did_not_happen_on_tuesday() -> None:
    assert _dates(SINCE, "2020-04-01") == ["2020-04-01"]  # बुधवार, not मंगलवार (31 March)


def test_since_until_now_gives_no_day() -> None:
    assert _dates("भारत में 25 मार्च से अब तक 1200 मामले सामने आए हैं।", "2020-04-07") == [None]


def test_since_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaarta import events_context

    monkeypatch.setattr(events_context, "SINCE_NOT_THE_DAY", False)
    assert _dates(SINCE, "2020-04-01") == ["2020-03-31"]


# --- a group counted as infected is a count (crossdoc) ---


def test_a_group_counted_as_infected_is_a_count() -> None:
    from vaarta.crossdoc_counts import case_bounds

    assert case_bounds("इनमें से 16 इटालियन और एक भारतीय की जांच रिपोर्ट पॉजिटिव आई है।")[1] == {16}
    assert case_bounds("दिल्ली में 12 पुलिसकर्मी कोरोना संक्रमित पाए गए।")[1] == {12}
    assert case_bounds("16 पर्यटकों को होटल में ठहराया गया था। जांच जारी है।")[1] == set()  # no infection told


def test_groups_counted_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaarta import crossdoc_counts

    monkeypatch.setattr(crossdoc_counts, "GROUPS_COUNTED", False)
    assert crossdoc_counts.case_bounds("दिल्ली में 12 पुलिसकर्मी कोरोना संक्रमित पाए गए।")[1] == set()


def test_a_group_s_count_keeps_it_from_another_day_s_total() -> None:
    def rep(art: str, text: str) -> EventReport:
        ev = Event("DISASTER", "occurred", (), (), (Span(0, 5),), "epidemic", "India", None)
        return EventReport(art, 0, "2020-03-05", "s", ev, text)

    tourists = rep("a", "इनमें से 16 इटालियन और एक भारतीय की जांच रिपोर्ट पॉजिटिव आई है।")
    total = rep("b", "भारत में अब तक 29 संक्रमित लोगों की पुष्टि हो चुकी है।")
    told = rep("c", "भारत में मामले बढ़कर 30 हो गए हैं, जिनमें 16 इटली के पर्यटक हैं।")
    assert compatible(tourists, total)[1] == "different case counts"
    assert compatible(tourists, told)[0]


# --- tables of counts: one report per row (events stage), linked by figures only (crossdoc) ---

TABLES = (
    "देश में संक्रमण तेजी से फैल रहा है और मामले बढ़ते जा रहे हैं।\n\n"
    "राज्य कुल मामले मौत\n\nमहाराष्ट्र 1,364 97\n\nकेरल 357 0\n\nगुजरात 0 0\n\nदिल्ली 903 14\n\n"
    "भारत में हालात पर नजर रखी जा रही है।\n\n"
    "तारीख संक्रमितों की संख्या रोजाना नए मरीज\n\n25 मार्च 606 42\n\n26 मार्च 694 88\n\n27 मार्च 724 30\n\n"
    "अस्पताल भर्ती मरीज\n\nएलएनजेपी 477\n\nआरजीएसएसएच 150\n\nजीटीबी 96"
)


def _table_events(body: str, published: str = "2020-04-10") -> list[tuple[str | None, str | None, int | None, str]]:
    t, events = _epidemic(body, published)
    return [(e.location, e.date, e.killed, t[e.evidence[-1].start : e.evidence[-1].end]) for e in events]


def test_each_row_of_a_state_table_is_a_report() -> None:
    got = _table_events(TABLES)
    assert ("Maharashtra", None, 97, "महाराष्ट्र 1,364 97") in got
    assert ("Kerala", None, None, "केरल 357 0") in got  # no death is no toll
    assert ("Delhi", None, 14, "दिल्ली 903 14") in got
    assert not any(loc == "Gujarat" for loc, *_ in got)  # a row of zeros tells nothing


def test_each_row_of_a_date_table_is_the_country_s_figure_of_that_day() -> None:
    got = _table_events(TABLES)
    assert ("India", "2020-03-27", None, "27 मार्च 724 30") in got
    assert sum(1 for loc, *_ in got if loc == "India") == 3


def test_a_table_of_hospitals_gives_no_report() -> None:
    assert not any("477" in row for *_, row in _table_events(TABLES))


def test_a_day_in_the_header_dates_the_rows_and_its_deaths_are_no_toll() -> None:
    body = "राज्य मौतें (रविवार को)\n\nमहाराष्ट्र 19\n\nगुजरात 18\n\nमध्य प्रदेश 8"
    assert _table_events(body, "2020-04-27") == []  # a day's deaths alone: nothing to compare
    body = "राज्य नए मामले मौतें (रविवार को)\n\nमहाराष्ट्र 440 19\n\nगुजरात 230 18\n\nमध्य प्रदेश 52 8"
    assert ("Maharashtra", "2020-04-26", None, "महाराष्ट्र 440 19") in _table_events(body, "2020-04-27")


def test_table_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaarta import events_tables

    monkeypatch.setattr(events_tables, "TABLE_ROWS", False)
    assert _table_events(TABLES) == []


def test_columns_of_a_header() -> None:
    from vaarta.events_tables import columns

    assert columns("राज्य कुल मामले मौत") == ["total", "deaths"]
    assert columns("तारीख संक्रमितों की संख्या रोजाना नए मरीज") == ["total", "new"]
    assert columns("राज्य/ केंद्रशासित प्रदेश कुल मौतें") == ["deaths"]
    assert columns("तारीख कोरोना से ठीक हुए मरीज") == ["recovered"]


def test_a_row_s_counts_are_read_by_its_header() -> None:
    from vaarta.crossdoc_counts import case_bounds

    assert case_bounds("तारीख संक्रमितों की संख्या रोजाना नए मरीज | 27 मार्च 724 30")[:2] == ({30}, {724})
    assert case_bounds("राज्य कुल मामले मौत | महाराष्ट्र 1,364 97")[:2] == (set(), {1364})


def _row_report(art: str, text: str, loc: str = "Maharashtra", killed: int | None = None) -> EventReport:
    ev = Event("DISASTER", "occurred", (), (), (Span(0, 5),), "epidemic", loc, None, killed)
    return EventReport(art, 0, "2020-04-10", "s", ev, text)


def test_a_row_joins_a_report_by_a_figure_only() -> None:
    row = _row_report("a", "राज्य कुल मामले मौत | महाराष्ट्र 1,364 97", killed=97)
    same = _row_report("b", "महाराष्ट्र में संक्रमितों की संख्या बढ़कर 1364 हो गई है।")
    vague = _row_report("c", "महाराष्ट्र में कोरोना का कहर जारी है और नए मामले सामने आए।")
    assert compatible(row, same)[0]
    ok, why = compatible(row, vague)
    assert not ok and why == "a table's row and no figure in common"


def test_row_by_figure_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaarta import crossdoc_match

    monkeypatch.setattr(crossdoc_match, "TABLE_ROW_BY_FIGURE", False)
    row = _row_report("a", "राज्य कुल मामले मौत | महाराष्ट्र 1,364 97", killed=97)
    vague = _row_report("c", "महाराष्ट्र में कोरोना का कहर जारी है और नए मामले सामने आए।")
    assert compatible(row, vague)[0]


def test_a_key_that_only_holds_a_place_is_no_place_row() -> None:
    body = "दिल्ली के अस्पतालों में भर्ती मरीज\n\nअस्पताल भर्ती संक्रमित मरीज\n\nएम्स झज्जर 152\n\nएलएनजेपी 477\n\nजीबी पंत 96"
    assert _table_events(body) == []


def test_a_table_of_two_days_columns_is_not_read() -> None:
    body = (
        "देश भर में मरीज बढ़े।\n\nराज्य 31 मार्च तक मरीजों की संख्या 10 अप्रैल को मरीजों की संख्या\n\n"
        "महाराष्ट्र 302 1364\n\nतमिलनाडु 74 834\n\nदिल्ली 97 720"
    )
    assert _table_events(body) == []
