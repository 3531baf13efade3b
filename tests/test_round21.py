"""Crossdoc round 21 (tenth session) (issue 6): transport halts are measures (ट्रेनें रद्द, उड़ानें
कैंसिल, ट्रेनें नहीं चलेंगी), a halt's own negation denies nothing, inflected objects are named
(ट्रेनों, स्कूलों), two measures of one article about different things stay two events, and a
report joins a cluster past a member that only lacks the evidence to match it.
Hindi sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from vaarta import crossdoc, crossdoc_join, events_merge
from vaarta.crossdoc import EventReport, merge, multi_article
from vaarta.events_objects import measure_objects
from vaarta.model import Event, Span

from conftest_events import ent
from conftest_events import of_type as of
from conftest_events import run_events as run

PATNA = lambda t: ent(t, "Patna", "LOC", "पटना")  # noqa: E731
BIHAR = lambda t: ent(t, "Bihar", "LOC", "बिहार")  # noqa: E731


def test_trains_cancelled_is_a_measure() -> None:
    t = "बिहार में रविवार को 40 ट्रेनें रद्द कर दी गई हैं।"
    [m] = of(run(t, [BIHAR]), "COERCE")
    assert (m.location, m.status, m.trigger) == ("Bihar", "occurred", "ट्रेनें रद्द")


def test_a_decision_to_cancel_flights_is_the_measure_not_an_embedded_verb() -> None:
    t = "पटना में प्रशासन ने सभी उड़ानों को रद्द करने का फैसला लिया है।"
    [m] = of(run(t, [PATNA]), "COERCE")
    assert m.location == "Patna" and m.trigger.endswith("फैसला")


def test_trains_will_not_run_is_a_planned_halt_not_a_denial() -> None:
    t = "बिहार में यात्री ट्रेनें 31 मार्च तक नहीं चलेंगी।"
    [m] = of(run(t, [BIHAR]), "COERCE")
    assert (m.location, m.status) == ("Bihar", "planned")


def test_buses_stay_shut_told_before_or_after_the_noun() -> None:
    for t in ("पटना में कल से बंद रहेंगी बसें।", "पटना में बसें कल से बंद रहेंगी।"):
        [m] = of(run(t, [PATNA]), "COERCE")
        assert m.status == "planned", t


def test_a_negated_cancellation_is_still_negated() -> None:
    t = "बिहार में ट्रेनें रद्द नहीं की गई हैं।"
    assert [m.status for m in of(run(t, [BIHAR]), "COERCE")] == ["negated"]


def test_trains_running_is_no_event() -> None:
    t = "बिहार में सोमवार से सभी ट्रेनें चलेंगी।"
    assert of(run(t, [BIHAR]), "COERCE") == []


def test_inflected_objects_are_named() -> None:
    assert measure_objects("सरकार ने 3000 ट्रेनों को रद्द किया") == {"transport"}
    assert measure_objects("सभी स्कूलों और बसों पर रोक") == {"schools", "transport"}
    assert measure_objects("रेलवे ने फैसला किया") == {"transport"}


def test_an_occasion_named_is_not_the_object() -> None:
    assert measure_objects("जनता कर्फ्यू के कारण रविवार को मेट्रो बंद रहेगी") == {"transport"}
    assert measure_objects("लॉकडाउन के बीच शहर के हॉटस्पॉट सील") == {"zones"}
    assert measure_objects("शहर में लॉकडाउन और कर्फ्यू लागू") == {"lockdown"}


PAGE = "बिहार में कई कदम\nबिहार में सभी स्कूल बंद कर दिए गए हैं। बिहार में 40 ट्रेनें भी रद्द कर दी गई हैं।"


def test_two_measures_of_one_article_about_different_things_stay_two() -> None:
    ms = of(run(PAGE, [BIHAR]), "COERCE")
    assert sorted(m.trigger for m in ms) == ["ट्रेनें भी रद्द", "बंद कर दि"]


def test_measure_split_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_merge, "MEASURE_OBJECTS_SPLIT", False)
    assert len(of(run(PAGE, [BIHAR]), "COERCE")) == 1


def test_measures_of_one_thing_still_merge() -> None:
    t = "बिहार में सभी स्कूल बंद कर दिए गए हैं। बिहार में कॉलेज भी बंद कर दिए गए हैं।"
    assert len(of(run(t, [BIHAR]), "COERCE")) == 1


KERALA = lambda t: ent(t, "Kerala", "LOC", "केरल")  # noqa: E731


def test_counts_told_as_infected_people_confirmed_or_found() -> None:
    for t in (
        "केरल में अब तक कोरोना से 29 संक्रमित लोगों की पुष्टि हो चुकी है।",
        "केरल में सात विदेशी नागरिकों सहित अब तक 40 कोरोना संक्रमित लोगों का पता चल चुका है।",
    ):
        [d] = of(run(t, [KERALA]), "DISASTER")
        assert (d.location, d.mode) == ("Kerala", "epidemic"), t


def test_confirming_infected_people_with_no_number_is_no_count() -> None:
    t = "केरल में संक्रमित लोगों की पुष्टि के लिए जांच हो रही है।"
    assert of(run(t, [KERALA]), "DISASTER") == []


# --- a report joins a cluster it matches, past a member that only lacks the evidence (crossdoc) ---

INSIDE = {"Lucknow": "Uttar Pradesh", "Uttar Pradesh": "India"}


def _sealing(art: str, actors: tuple[str, ...], loc: str, text: str, date: str | None = None) -> EventReport:
    ev = Event("COERCE", "occurred", actors, (), (Span(0, 5),), None, loc, date)
    return EventReport(art, 0, "2020-04-08", "s", ev, text)


SEALINGS = [
    _sealing("a", (), "Lucknow", "लखनऊ के हॉटस्पॉट सील कर दिए गए", "2020-04-08"),
    _sealing(
        "b",
        ("Government of Uttar Pradesh", "Uttar Pradesh"),
        "Uttar Pradesh",
        "उत्तर प्रदेश सरकार ने 15 जिलों के हॉटस्पॉट सील करने का आदेश दिया",
    ),
    _sealing("c", ("Uttar Pradesh",), "Uttar Pradesh", "उत्तर प्रदेश के 15 जिलों के हॉटस्पॉट सील कर दिए गए"),
]


def _clusters() -> list[list[str]]:
    return [sorted(a for a, _ in c.reports) for c in multi_article(merge(SEALINGS, inside=INSIDE))]


def test_a_member_lacking_evidence_does_not_keep_a_report_out() -> None:
    # b and c share only a state (no evidence either way); each matches Lucknow's sealing
    assert _clusters() == [["a", "b", "c"]]


def test_soft_link_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_join, "SOFT_LINK", False)
    assert _clusters() == [["a", "b"]]


def test_a_contradicting_member_still_keeps_a_report_out() -> None:
    other = _sealing("d", (), "Lucknow", "लखनऊ के स्कूल बंद कर दिए गए", "2020-04-08")  # schools, not zones
    clusters = [sorted(a for a, _ in c.reports) for c in multi_article(merge([*SEALINGS, other], inside=INSIDE))]
    assert all(not ({"a", "d"} <= set(c)) for c in clusters)


def test_soft_link_needs_the_lacking_member_published_near() -> None:
    from vaarta.crossdoc_match import features
    from vaarta.crossdoc_places import as_place_map

    a, b, c = SEALINGS
    near_b = features(b)
    far_b = features(EventReport("b", 0, "2020-04-01", "s", b.event, b.evidence_text))
    inside = as_place_map(INSIDE)
    assert crossdoc.joins(features(c), [features(a), near_b], inside)
    assert not crossdoc.joins(features(c), [features(a), far_b], inside)  # a week before: no evidence either way


AGRA = lambda t: ent(t, "Agra", "LOC", "आगरा")  # noqa: E731


def test_a_direction_to_close_is_a_measure() -> None:
    for t in (
        "जिलाधिकारी ने आगरा में सभी स्कूलों को बंद करने के निर्देश दिए।",
        "आगरा में 22 मार्च तक सभी विद्यालयों को बंद करने के लिए निर्देश दिए गए हैं।",
    ):
        [m] = of(run(t, [AGRA]), "COERCE")
        assert m.location == "Agra", t


def test_areas_made_containment_zones_is_a_measure() -> None:
    for t in (
        "आगरा में प्रशासन ने 21 इलाकों को कन्टेनमेंट जोन बना दिया है।",
        "आगरा में 22 इलाकों को हॉटस्पॉट एरिया बनाया गया है।",
    ):
        [m] = of(run(t, [AGRA]), "COERCE")
        assert m.location == "Agra", t
    assert measure_objects("21 इलाकों को कन्टेनमेंट जोन बना दिया") == {"zones"}
