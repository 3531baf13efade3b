"""Crossdoc round 11 (third session) (issue 6): aid sent, negative test results, a count up to a
day, a measure ordered by a name in the genitive, and the coming day a measure runs from.
Hindi sentences written for these tests."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conftest_crossdoc import epidemic_report
from vaarta import events_clauses, events_context
from vaarta.crossdoc import compatible
from vaarta.crossdoc_match import case_bounds

from conftest_events import ent, time
from conftest_events import of_type as of
from conftest_events import run_events as run

ORG = lambda t: ent(t, "Red Cross", "ORG", "रेड क्रॉस", "रेड क्रॉस संस्था")  # noqa: E731
MEERUT = lambda t: ent(t, "Meerut", "LOC", "मेरठ")  # noqa: E731
GOA = lambda t: ent(t, "Goa", "LOC", "गोवा")  # noqa: E731
PM = lambda t: ent(t, "Narendra Modi", "PER", "पीएम", "प्रधानमंत्री")  # noqa: E731
CM = lambda t: ent(t, "Pramod Sawant", "PER", "मुख्यमंत्री प्रमोद सावंत", "प्रमोद सावंत")  # noqa: E731


# --- aid sent (lexicon: भेज चुका, plural objects) ---


def test_supplies_already_sent_are_aid() -> None:
    t = "रेड क्रॉस संस्था अब तक तीन लाख से ज्यादा जांच किट 20 देशों में भेज चुकी है।"
    assert [a.actors for a in of(run(t, [ORG]), "AID")] == [("Red Cross",)]


def test_sent_equipment_in_the_plural_is_aid() -> None:
    t = "रेड क्रॉस ने अब तक 20 देशों को सुरक्षा उपकरणों के करीब दो लाख सेट भेज दिए हैं, लेकिन मांग बढ़ रही है।"
    assert [a.actors for a in of(run(t, [ORG]), "AID")] == [("Red Cross",)]


def test_a_hazard_warning_is_not_aid() -> None:
    t = "रेड क्रॉस ने चेतावनी जारी की है कि दवाओं की आपूर्ति घटने से खतरा बढ़ रहा है।"
    assert of(run(t, [ORG]), "AID") == []


# --- negative test results: an epidemic report, negated (frame "negative") ---


def test_negative_tests_are_a_negated_epidemic_report() -> None:
    t = "कोरोना वायरस की आशंका में मेरठ के पांच लोगों की जांच निगेटिव\nमेरठ में पांच लोगों से लिए गए सैंपल कोरोना वायरस के टेस्ट में निगेटिव पाए गए हैं।"
    evs = of(run(t, [MEERUT]), "DISASTER")
    assert [(e.mode, e.status, e.location) for e in evs] == [("epidemic", "negated", "Meerut")]


def test_a_report_that_came_back_negative() -> None:
    t = "कोरोना के डर के बीच डॉक्टरों ने बताया कि मेरठ के पांच लोगों की रिपोर्ट भले ही निगेटिव आई हो लेकिन वे घर में रहेंगे।"
    assert [e.status for e in of(run(t, [MEERUT]), "DISASTER")] == ["negated"]


def test_a_negative_effect_is_no_test_result() -> None:
    t = "कोरोना वायरस के कारण मेरठ में कारोबार पर नेगेटिव असर पड़ा है।"
    assert of(run(t, [MEERUT]), "DISASTER") == []


def test_two_negated_reports_of_one_place_link() -> None:
    a = epidemic_report("covid:AA:20200304:1", "मेरठ के पांच लोगों की जांच निगेटिव", loc="Meerut", pub="2020-03-04")
    b = epidemic_report("covid:BB:20200304:2", "पांच लोगों की रिपोर्ट निगेटिव आई", loc="Meerut", pub="2020-03-04")
    a = replace(a, event=replace(a.event, status="negated"))
    b = replace(b, event=replace(b.event, status="negated"))
    assert compatible(a, b)[0]


# --- a count up to a day ("संख्या शनिवार तक 176") ---


def test_a_count_up_to_a_day_is_a_report() -> None:
    t = "गोवा में कोरोना वायरस के पॉजिटिव मामलों की संख्या रविवार तक 38 बताई जा रही है।"
    assert [(e.mode, e.location) for e in of(run(t, [GOA]), "DISASTER")] == [("epidemic", "Goa")]


def test_the_count_up_to_a_day_is_read_by_crossdoc() -> None:
    assert case_bounds("मामलों की संख्या रविवार तक 38 बताई जा रही है")[1] == frozenset({38})


# --- a measure's agent in the genitive (events_clauses.genitive_agent) ---


def test_a_lockdown_ordered_by_the_pm_in_the_genitive() -> None:
    t = "इस बीच, पीएम के अपने संबोधन में गुरुवार से 14 दिनों के लॉकडाउन के आदेश के बाद अदालत ने कहा कि वकील घर पर रहें।"
    assert [e.actors for e in of(run(t, [PM], published="2020-03-24"), "COERCE")] == [("Narendra Modi",)]


def test_a_curfew_announced_by_a_chief_minister_in_the_genitive() -> None:
    t = "मुख्यमंत्री प्रमोद सावंत के कर्फ्यू के ऐलान के बाद गोवा के बाजार सूने हो गए।"
    assert [e.actors for e in of(run(t, [CM, GOA]), "COERCE")] == [("Pramod Sawant",)]


def test_a_place_in_the_genitive_is_no_agent() -> None:
    # the state is the measure's place (and, as before, its implied authority), not a named agent
    t = "गोवा के लॉकडाउन के आदेश के बाद बाजार सूने हो गए।"
    assert events_clauses.genitive_agent(t, [(0, 4, GOA(t))], 0, t.index("लॉकडाउन"), t.index("लॉकडाउन") + 7) == []
    assert [e.location for e in of(run(t, [GOA]), "COERCE")] == ["Goa"]


def test_genitive_agent_flag(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import vaarta.events as events_mod

    monkeypatch.setattr(events_mod, "GENITIVE_MEASURE_AGENT", False)
    t = "मुख्यमंत्री प्रमोद सावंत के कर्फ्यू के ऐलान के बाद गोवा के बाजार सूने हो गए।"
    assert all("Pramod Sawant" not in e.actors for e in run(t, [CM, GOA]))
    assert events_clauses.GENITIVE_MEASURE_AGENT


# --- the coming day a measure runs from (events_context.COMING_MEASURE_DAYS) ---


def test_the_day_an_ordered_lockdown_runs_from_is_a_coming_day() -> None:
    t = "इस बीच, पीएम के अपने संबोधन में गुरुवार से 14 दिनों के लॉकडाउन के आदेश के बाद अदालत ने कहा कि वकील घर पर रहें।"
    # the time stage resolved the weekday backwards (the Thursday before a Tuesday paper)
    evs = of(run(t, [PM], [time(t, "गुरुवार", "2020-03-19")], published="2020-03-24"), "COERCE")
    assert [e.date for e in evs] == ["2020-03-26"]


def test_a_past_weekday_of_a_measure_in_force_stays() -> None:
    t = "गोवा में गुरुवार से लागू लॉकडाउन का पालन कराया जा रहा है।"
    times = events_context._Times([time(t, "गुरुवार", "2020-03-19")], t, "2020-03-24")
    assert times.coming == {}


# --- measures at two places are two measures (events_merge.MEASURES_PER_PLACE) ---

INDIA = lambda t: ent(t, "India", "LOC", "भारत")  # noqa: E731
CHINA = lambda t: ent(t, "China", "LOC", "चीन")  # noqa: E731
ITALY = lambda t: ent(t, "Italy", "LOC", "इटली")  # noqa: E731
_MEASURES = (
    "भारत के जिन जिलों में संक्रमित मरीज मिले हैं उन जिलों में लॉकडाउन कर दिया गया है। "
    "इससे पहले चीन में भी लॉकडाउन किया गया था और इटली में भी लॉकडाउन किया गया।"
)


def test_lockdowns_in_three_countries_are_three_measures() -> None:
    evs = of(run(_MEASURES, [INDIA, CHINA, ITALY]), "COERCE")
    assert sorted((e.location, e.actors) for e in evs) == [
        ("China", ("China",)),
        ("India", ("India",)),
        ("Italy", ("Italy",)),
    ]


def test_measures_per_place_flag(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import vaarta.events_merge as merge_mod

    monkeypatch.setattr(merge_mod, "MEASURES_PER_PLACE", False)
    assert len(of(run(_MEASURES, [INDIA, CHINA, ITALY]), "COERCE")) == 1


# --- a relief package hinted at by a bare role (events_clauses.role_announcer) ---

GOYAL = lambda t: ent(t, "Piyush Goyal", "PER", "पीयूष गोयल")  # noqa: E731
MEHTA = lambda t: ent(t, "Rakesh Mehta", "PER", "राकेश मेहता")  # noqa: E731
_HINT = "रेल मंत्री ने इस बात के संकेत दिए हैं कि जल्द ही कोरोना से प्रभावित कुलियों के लिए राहत पैकेज की घोषणा की जा सकती है।"


def test_a_package_hinted_at_by_the_minister_named_before() -> None:
    t = "रेल मंत्री पीयूष गोयल ने मंगलवार को ट्वीट किया कि यात्रियों का पैसा लौटाया जाएगा। इसलिए टिकट रद्द करना जरूरी है। " + _HINT
    assert [(e.actors, e.status) for e in of(run(t, [GOYAL]), "AID")] == [(("Piyush Goyal",), "possible")]


def test_a_person_named_with_another_role_is_not_the_announcer() -> None:
    t = "सांसद राकेश मेहता ने मंगलवार को कहा कि यात्रियों का पैसा लौटाया जाएगा। " + _HINT
    assert of(run(t, [MEHTA]), "AID") == []


# --- patients who died (epidemic trigger "N मरीजों की मौत हो चुकी/हुई") ---

UK = lambda t: ent(t, "Uttarakhand", "LOC", "उत्तराखंड")  # noqa: E731


def test_a_death_list_of_patients_gives_each_place_a_report() -> None:
    t = "कोरोना वायरस का असर बढ़ रहा है। उत्तराखंड, गोवा में एक-एक मरीज की मौत हो चुकी है।"
    evs = of(run(t, [UK, GOA]), "DISASTER")
    assert sorted((e.location, e.mode) for e in evs) == [("Goa", "epidemic"), ("Uttarakhand", "epidemic")]


def test_patients_who_died_in_an_article_with_no_outbreak_are_no_report() -> None:
    t = "गोवा के जिला अस्पताल में भर्ती दो मरीजों की मौत हुई है।"
    assert of(run(t, [GOA]), "DISASTER") == []


# --- a warning of a hazard is no threat (events_clauses.hazard_warning) ---

PAK = lambda t: ent(t, "Pakistan", "LOC", "पाकिस्तान")  # noqa: E731
IND = lambda t: ent(t, "India", "LOC", "भारत")  # noqa: E731


def test_a_hazard_warning_is_no_threat() -> None:
    t = "रेड क्रॉस ने चेतावनी दी है कि दवाओं की कमी से मरीजों की जान खतरे में है।"
    assert of(run(t, [ORG]), "THREATEN") == []


def test_a_warning_to_a_party_is_a_threat() -> None:
    t = "पाकिस्तान ने भारत को चेतावनी दी है।"
    assert [(e.actors, e.recipients) for e in of(run(t, [PAK, IND]), "THREATEN")] == [(("Pakistan",), ("India",))]


def test_a_warning_of_retaliation_is_a_threat() -> None:
    t = "पाकिस्तान ने चेतावनी दी कि अगर सीमा पर गोलीबारी हुई तो वह जवाबी कार्रवाई करेगा।"
    assert [e.actors for e in of(run(t, [PAK]), "THREATEN")] == [("Pakistan",)]
