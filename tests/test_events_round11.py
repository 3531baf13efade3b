"""Round 11 event rules (donations, people caught by the virus, the days of a lockdown, national
measures and pronoun announcers), on Hindi sentences written for them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import vaarta.events as events_mod

from conftest_events import ent
from conftest_events import of_type as of
from conftest_events import run_events as run

INDIA = lambda t: ent(t, "India", "LOC", "भारत")  # noqa: E731
INDORE = lambda t: ent(t, "Indore", "LOC", "इंदौर")  # noqa: E731
RAMESH = lambda t: ent(t, "Ramesh Verma", "PER", "रमेश वर्मा")  # noqa: E731
SURESH = lambda t: ent(t, "Suresh Jain", "PER", "सुरेश जैन")  # noqa: E731
MODI = lambda t: ent(t, "Narendra Modi", "PER", "नरेंद्र मोदी", "मोदी")  # noqa: E731


def test_money_given_to_a_relief_fund_is_aid() -> None:
    t = "कोरोना से लड़ाई में अभिनेता रमेश वर्मा ने राहत कोष के लिए 5 करोड़ रुपये की राशि दी है।"
    assert [(a.actors, a.status) for a in of(run(t, [RAMESH]), "AID")] == [(("Ramesh Verma",), "occurred")]


def test_donated_before_the_amount_is_aid() -> None:
    t = "उद्योगपति सुरेश जैन ने दान किए 10 करोड़ रुपये, लोगों ने उनकी तारीफ की।"
    assert [a.actors for a in of(run(t, [SURESH]), "AID")] == [("Suresh Jain",)]


def test_a_pledged_donation_is_planned_aid() -> None:
    t = "गायक रमेश वर्मा ने प्रधानमंत्री राहत कोष में 2 करोड़ रुपये दान देने का ऐलान किया।"
    assert [(a.actors, a.status) for a in of(run(t, [RAMESH]), "AID")] == [(("Ramesh Verma",), "planned")]


def test_a_count_of_people_caught_by_the_virus_is_a_report() -> None:
    t = "भारत में कोरोना वायरस ने चिंता बढ़ाई है। देशभर में 600 से ज्यादा लोग इसकी चपेट में आ चुके हैं।"
    reports = [e for e in run(t, [INDIA]) if e.mode == "epidemic"]
    assert [(r.location, r.killed) for r in reports] == [("India", None)]


def test_caught_in_a_flood_is_not_an_epidemic_report() -> None:
    t = "कोरोना के बीच असम में बाढ़ आई और 200 लोग इसकी चपेट में आ गए।"
    assert [e for e in run(t, []) if e.mode == "epidemic"] == []


def test_a_day_of_the_lockdown_is_not_its_imposition() -> None:
    assert of(run("इंदौर में लॉकडाउन के तीसरे दिन बाजार सूने रहे।", [INDORE]), "COERCE") == []
    assert of(run("इंदौर में लॉकडाउन के 5वें दिन भी सड़कें खाली रहीं।", [INDORE]), "COERCE") == []
    # an imposition is still one
    assert len(of(run("इंदौर में सोमवार से लॉकडाउन लगाया गया।", [INDORE]), "COERCE")) == 1


def test_national_measure_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off by default (a background mention of the national lockdown made a false crossdoc pair);
    when on, a measure by no one named "देश के N जिलों में" is India's, and "देश के कई राज्यों ने"
    (the states acted) is not."""
    monkeypatch.setattr(events_mod, "NATIONAL_MEASURES", True)
    t = "भारत में कोरोना के मामले बढ़े हैं। देश के 75 जिलों में लॉकडाउन कर दिया गया है।"
    assert [c.location for c in of(run(t, [INDIA]), "COERCE")] == ["India"]
    t = "भारत में कोरोना के मामले बढ़े हैं। देश के कई राज्यों ने स्कूल बंद कर दिए हैं।"
    assert [c.location for c in of(run(t, [INDIA]), "COERCE")] == []


def test_pronoun_measure_agent_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off by default (same reason); when on, "उन्होंने … लॉकडाउन की घोषणा की" is by the person
    just named."""
    t = "प्रधानमंत्री नरेंद्र मोदी ने मंगलवार रात राष्ट्र को संबोधित किया। उन्होंने 21 दिन के लॉकडाउन की घोषणा की।"
    assert all(c.actors == () for c in of(run(t, [MODI]), "COERCE"))
    monkeypatch.setattr(events_mod, "PRONOUN_MEASURE_AGENT", True)
    assert [c.actors for c in of(run(t, [MODI]), "COERCE")] == [("Narendra Modi",)]
