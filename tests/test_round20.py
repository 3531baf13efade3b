"""Crossdoc round 20 (ninth session) (issue 6): a patient pronoun finds its person nearby, not in a
byline; a placeless measure in a district's or a city's paragraph is that place's; a local measure
is not the country's. Hindi sentences written for these tests."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from vaarta import crossdoc_measures, events, events_anaphora
from vaarta.crossdoc import EventReport, compatible, place_hierarchy
from vaarta.model import Entity, Event, Span

from conftest_events import ent
from conftest_events import of_type as of
from conftest_events import run_events as run

AGRA = lambda t: ent(t, "Agra", "LOC", "आगरा")  # noqa: E731
REPORTER = lambda t: ent(t, "Rakesh Verma", "PER", "राकेश वर्मा")  # noqa: E731
ARRESTED = lambda t: ent(t, "Sunil Yadav", "PER", "सुनील यादव")  # noqa: E731

LOCAL_PAGE = (
    "आगरा में दवा दुकानों पर कड़ी नजर\nराकेश वर्मा, आगरा\n\n"
    "शनिवार को आगरा में प्रशासन ने सख्ती दिखाई। जिले में मास्क की कालाबाजारी की शिकायतें मिली थीं। "
    "कई दुकानों की जांच हुई। एक मेडिकल स्टोर पर छापा मारकर सैकड़ों मास्क जब्त कर इसे सील कर दिया गया है।"
)


def test_a_pronoun_does_not_reach_back_to_the_byline() -> None:
    [m] = of(run(LOCAL_PAGE, [AGRA, REPORTER]), "COERCE")
    # "इसे सील कर दिया गया": the shop, not the reporter of the byline four sentences before
    assert m.recipients == () and m.trigger == "सील कर"


def test_a_pronoun_still_finds_the_person_of_the_sentence_before() -> None:
    t = "पुलिस ने सुनील यादव को मास्क की कालाबाजारी करते पकड़ा। उसे गिरफ्तार कर लिया गया है।"
    assert [e.recipients for e in of(run(t, [ARRESTED]), "COERCE")][-1] == ("Sunil Yadav",)


def test_pronoun_window_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events, "PATIENT_SENTENCES", 0)  # anywhere before: the byline's name
    [m] = of(run(LOCAL_PAGE, [AGRA, REPORTER]), "COERCE")
    assert m.recipients == ("Rakesh Verma",)


def test_a_placeless_measure_is_its_paragraphs_city() -> None:
    [m] = of(run(LOCAL_PAGE, [AGRA, REPORTER]), "COERCE")
    assert m.location == "Agra"


def test_paragraph_kinds_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_anaphora, "PARAGRAPH_KINDS", events_anaphora.STATE_KINDS)
    # a city opening the paragraph no longer places it (a state still would)
    assert [m.location for m in of(run(LOCAL_PAGE, [AGRA, REPORTER]), "COERCE")] in ([], [None])


def _sealing(art: str, loc: str, words: str) -> EventReport:
    ev = Event(type="COERCE", status="occurred", actors=(), recipients=(), evidence=(Span(0, 5),), location=loc)
    return EventReport(art, 0, "2020-04-20", f"{art}.txt", ev, words)


def test_a_local_measure_is_not_the_countrys() -> None:
    places = place_hierarchy()
    village = _sealing("a", "Deoghar district", "कंटेनमेंट जोन घोषित कर गांव को सील कर दिया गया है ।")
    nation = _sealing("b", "India", "देश में लॉकडाउन के बीच कई इलाकों को सील कर दिया गया है ।")
    state = _sealing("c", "Jharkhand", "झारखंड में संक्रमित इलाकों को सील कर दिया गया है ।")
    ok, why = compatible(village, nation, places)
    assert not ok and why == "a local measure and the country's"
    # a district's measure and its state's may be one (the state seals, the district reports it)
    assert compatible(village, state, places)[0]
    assert compatible(state, nation, places)[0]


def test_local_measure_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_measures, "LOCAL_MEASURE_APART", False)
    village = _sealing("a", "Deoghar district", "गांव को सील कर दिया गया है ।")
    nation = _sealing("b", "India", "कई इलाकों को सील कर दिया गया है ।")
    assert compatible(village, nation, place_hierarchy())[0]


INDIA = lambda t: ent(t, "India", "LOC", "भारत", "देश")  # noqa: E731


def epidemic_reports(text: str, ents: list[Callable[[str], Entity]]) -> list[Event]:
    """The epidemic reports (counts) of a text of ours."""
    return [e for e in of(run(text, ents), "DISASTER") if e.mode == "epidemic"]


MAHARASHTRA = lambda t: ent(t, "Maharashtra", "LOC", "महाराष्ट्र")  # noqa: E731


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # a headline with no verb: "34 patients confirmed"
        ("कोरोना वायरस: भारत में अब तक 34 मरीजों की पुष्टि", "India"),
        # "114 confirmed cases are", "114 cases in all, of which …"
        ("स्वास्थ्य मंत्रालय ने कहा, भारत में कोरोना के कुल 114 पुष्ट मामले हैं, जिनमें 13 ठीक हो चुके हैं।", "India"),
        ("भारत में कोरोना वायरस के अब तक कुल 114 मामले, जिसमें दो की मौत हो चुकी है।", "India"),
        # "the number of sufferers reached 38"; "after 38 patients were found"
        ("महाराष्ट्र में कोरोना के पीड़ितों की संख्या 38 पहुंच गई है।", "Maharashtra"),
        ("महाराष्ट्र में कोरोना के सर्वाधिक 38 मरीज पाए जाने के बाद सरकार सतर्क है।", "Maharashtra"),
        # "N cases are"; a headline "X में कोरोना के N मामले, …"; "the tally became"; "cases have come to light"
        ("महाराष्ट्र में कोरोना वायरस से संक्रमण के 617 मामले हैं।", "Maharashtra"),
        ("भारत में कोरोना के 251 मामले, पीड़ितों में 32 विदेशी", "India"),
        ("महाराष्ट्र में कोरोना मरीजों की कुल तादाद 1100 हो गई है।", "Maharashtra"),
        ("भारत में कोरोना वायरस के अब तक 9,152 मामले सामने आ गए हैं।", "India"),
        # headlines: "Bihar: 147 corona patients", "total cases became 315", "N new cases and …"
        ("महाराष्ट्र में 147 कोरोना मरीज", "Maharashtra"),
        ("भारत में कोरोना के कुल मामले हुए 315", "India"),
        ("भारत में 24 घंटों में कोरोना के 1823 नए मामले और 67 लोगों की गई जान", "India"),
        ("महाराष्ट्र में अब तक 350 संक्रमित मरीज सामने आ चुके हैं।", "Maharashtra"),
    ],
    ids=[
        "patients-confirmed",
        "confirmed-cases-are",
        "cases-of-which",
        "sufferers-reached",
        "patients-found",
        "cases-are",
        "headline-cases",
        "tally",
        "came-to-light",
        "headline-patients",
        "total-became",
        "new-and-deaths",
        "patients-came-to-light",
    ],
)
def test_more_ways_to_give_a_count(sentence: str, place: str) -> None:
    counts = epidemic_reports(sentence, [INDIA, MAHARASHTRA])
    assert [e.location for e in counts][:1] == [place]


ITALY = lambda t: ent(t, "Italy", "LOC", "इटली")  # noqa: E731
IRAN = lambda t: ent(t, "Iran", "LOC", "ईरान")  # noqa: E731
BACK_FROM_ITALY = (
    "कोरोना वायरस: भारत में सतर्कता\n\nअस्पताल में दो संदिग्ध मरीज भर्ती हैं। दोनों हाल ही में इटली से लौटे हैं।\n\n"
    "देश में कोरोना वायरस से संक्रमित लोगों की संख्या अब 34 तक पहुंच गई।"
)


def test_a_country_patients_came_back_from_is_not_the_countrys_count() -> None:
    counts = epidemic_reports(BACK_FROM_ITALY, [INDIA, ITALY])
    assert "India" in [e.location for e in counts]
    # a foreign country the article is about still takes "देश में" (ईरान में … । देश में …)
    t = "कोरोना वायरस से ईरान बेहाल है।\n\nदेश में संक्रमित लोगों की संख्या अब 978 तक पहुंच गई।"
    assert "India" not in [e.location for e in of(run(t, [INDIA, IRAN]), "DISASTER")]


def test_travel_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events, "TRAVEL_NOT_HOME", False)
    counts = epidemic_reports(BACK_FROM_ITALY, [INDIA, ITALY])
    assert "India" not in [e.location for e in counts]


def test_cases_of_a_crime_are_no_outbreak() -> None:
    # "N मामले हैं" counts cases of an outbreak only in an article about one
    assert of(run("महाराष्ट्र में ठगी के 617 मामले हैं।", [MAHARASHTRA]), "DISASTER") == []


UP = lambda t: ent(t, "Uttar Pradesh", "LOC", "यूपी", "उत्तर प्रदेश")  # noqa: E731
LUCKNOW = lambda t: ent(t, "Lucknow", "LOC", "लखनऊ")  # noqa: E731
HEADLINE_PLACE = "यूपी : 24 घंटे में कोरोना वायरस से संक्रमित 41 नए मरीज, कुल संख्या 410\nलखनऊ : प्रदेश में कोरोना फैल रहा है।"


def test_a_headlines_place_before_a_colon_is_its_subject() -> None:
    counts = epidemic_reports(HEADLINE_PLACE, [UP, LUCKNOW])
    # the body's "लखनऊ :" is still a dateline: the reporter's desk, not the count's place
    assert [e.location for e in counts] == ["Uttar Pradesh"]


def test_headline_topic_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events, "HEADLINE_TOPIC", False)
    assert [e.location for e in of(run(HEADLINE_PLACE, [UP, LUCKNOW]), "DISASTER")] in ([], [None])
