"""Crossdoc round 13 (third session) (issue 6): reports of one publication day, counts of the last
24 hours, outbreak background, future dates of counts, and counts read in lakhs, as people with the
infection, as more people found infected and as the last item of a long list part.
Hindi sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest_crossdoc import epidemic_report
from vaarta import crossdoc_match, crossdoc_types
from vaarta.crossdoc import compatible
from vaarta.crossdoc_counts import case_bounds, list_item_counts
from vaarta.crossdoc_types import anchor


def test_reports_of_different_publication_days_are_apart() -> None:
    a = epidemic_report("a", "गोवा में अब तक 14 मामले सामने आए हैं ।", loc="Goa", pub="2020-04-01")
    b = epidemic_report("b", "गोवा में और नए मामले सामने आए हैं ।", loc="Goa", pub="2020-04-02")
    c = epidemic_report("c", "गोवा में और नए मामले सामने आए हैं ।", loc="Goa", pub="2020-04-01")
    ok, why = compatible(a, b)
    assert not ok and why == "no party, published on different days"
    assert compatible(a, c)[0]
    # one bulletin told on two days (the same specific count, CROSS_DAY_COUNT_MIN or more) still joins
    a2 = epidemic_report("a2", "गोवा में अब तक 114 मामले सामने आए हैं ।", loc="Goa", pub="2020-04-01")
    d = epidemic_report("d", "गोवा में कुल 114 मामले हो गए हैं ।", loc="Goa", pub="2020-04-02")
    assert compatible(a2, d)[0]
    # a small count unchanged for two days is told afresh each day (crossdoc round 16)
    d14 = epidemic_report("d14", "गोवा में कुल 14 मामले हो गए हैं ।", loc="Goa", pub="2020-04-02")
    assert not compatible(a, d14)[0]


def test_publication_day_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_match, "ONE_PUBLICATION_DAY", 0)
    a = epidemic_report("a", "गोवा में अब तक 14 मामले सामने आए हैं ।", loc="Goa", pub="2020-04-01")
    b = epidemic_report("b", "गोवा में और नए मामले सामने आए हैं ।", loc="Goa", pub="2020-04-02")
    assert compatible(a, b)[0]


def test_an_outbreak_months_before_publication_is_background(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "यह वायरस दिसंबर में चीन के एक शहर से फैलना शुरू हुआ था ।"
    a = epidemic_report("a", text, loc="China", pub="2020-04-01", date="2019-12")
    b = epidemic_report("b", text, loc="China", pub="2020-04-01", date="2019-12")
    ok, why = compatible(a, b)
    assert not ok and why == "an earlier event recalled"
    monkeypatch.setattr(crossdoc_match, "OLD_BACKGROUND", False)
    assert compatible(a, b)[0]


def test_a_count_is_not_dated_after_its_publication(monkeypatch: pytest.MonkeyPatch) -> None:
    # "15 अप्रैल तक" belongs to the lockdown, not to the count
    r = epidemic_report("a", "गोवा में अब तक 14 मामले हैं और 15 अप्रैल तक सब बंद है ।", loc="Goa", pub="2020-03-20", date="2020-04-15")
    assert anchor(r) == dt.date(2020, 3, 20)
    measure = replace(r, event=replace(r.event, type="COERCE", mode=None))
    assert anchor(measure) == dt.date(2020, 4, 15)  # a measure may take effect later
    monkeypatch.setattr(crossdoc_types, "NO_FUTURE_OCCURRED", False)
    assert anchor(r) == dt.date(2020, 4, 15)


def test_counts_in_lakhs_and_people_with_the_infection() -> None:
    assert case_bounds("वहां अब तक 3 लाख लोग संक्रमित हो चुके हैं ।")[1] == {300000}
    assert case_bounds("राज्य में 845 लोगों में कोरोना संक्रमण की पुष्टि हुई है ।")[1] == {845}
    assert case_bounds("गोवा में चार और लोग कोरोना वायरस से संक्रमित पाए गए ।")[0] == {4}


def test_the_last_item_of_a_long_list_part() -> None:
    assert list_item_counts("आज सबसे ज्यादा प्रभावित राज्यों में पहले स्थान पर गोवा में 75") == {75}
    assert list_item_counts("गोवा में 75 लोगों ने आज रैली निकाली") == set()


def test_thousands_with_a_remainder_and_a_count_above() -> None:
    assert case_bounds("राज्य में मरीजों की संख्या 2 हजार 315 हो चुकी है ।")[1] == {2315}
    assert case_bounds("राज्य में कुल मामलों की संख्या 2300 से ऊपर जा चुकी है ।")[2] == {2300}


def test_people_who_died_of_the_infection_are_no_cases() -> None:
    # "लोग … संक्रमण के कारण दम तोड़ चुके": people, the infection word, but a toll
    assert case_bounds("राज्य में 40 लोग वायरल संक्रमण के कारण दम तोड़ चुके हैं ।") == (set(), set(), set())
