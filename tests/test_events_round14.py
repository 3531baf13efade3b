"""Crossdoc round 14 (third session) (issue 6): event-stage rules for measures — a closure ordered
"to be closed" (``बंद करने के आदेश``), and the place of a measure ordered by a state's or a union
territory's government. Hindi sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from vaarta import events_merge, events_rules

from conftest_events import ent
from conftest_events import of_type as of
from conftest_events import run_events as run

RAJ_GOV = lambda t: ent(t, "Government of Rajasthan", "ORG", "राजस्थान सरकार")  # noqa: E731
IND_GOV = lambda t: ent(t, "Government of India", "ORG", "भारत सरकार")  # noqa: E731
DELHI = lambda t: ent(t, "Delhi", "LOC", "दिल्ली")  # noqa: E731

STATE_ORDER = "जयपुर में अब तक 20 मामले हैं। राजस्थान सरकार ने सभी सिनेमाघर और जिम बंद करने के आदेश दिए हैं। राजस्थान के लोग घरों में रहें।"


# the state is named on its own elsewhere in the article (an entity of it)
RAJ_ALSO = [RAJ_GOV, lambda t: ent(t, "Rajasthan", "LOC", "राजस्थान के")]


def test_an_order_to_close_is_a_measure() -> None:
    t = "दिल्ली में भी सभी मॉलों और सिनेमाघरों को बंद करने का आदेश दिया गया है।"
    ms = of(run(t, [DELHI]), "COERCE")
    assert [m.location for m in ms] == ["Delhi"]


def test_a_state_government_orders_within_its_state() -> None:
    ms = of(run(STATE_ORDER, RAJ_ALSO), "COERCE")
    assert [(m.actors, m.location) for m in ms] == [(("Government of Rajasthan",), "Rajasthan")]


def test_government_place_off_leaves_no_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_rules, "GOVERNMENT_PLACE", False)
    ms = of(run(STATE_ORDER, RAJ_ALSO), "COERCE")
    assert [m.location for m in ms] == [None]


def test_a_country_government_needs_its_own_place_phrase() -> None:
    t = "भारत के कई शहरों में मामले बढ़े। भारत सरकार ने सभी सिनेमाघर बंद करने के आदेश दिए हैं।"
    ms = of(run(t, [IND_GOV, lambda x: ent(x, "India", "LOC", "भारत के")]), "COERCE")
    assert [m.location for m in ms] == [None]


def test_a_closed_market_is_no_order() -> None:
    # a state (बंद रहेंगे) and a closing done (बंद कर दिया) are not "बंद करने के आदेश"; only the
    # latter was a trigger before this round
    t = "होली के कारण दिल्ली के बाजार दो दिन बंद रहेंगे।"
    assert of(run(t, [DELHI]), "COERCE") == []


# --- a place sealed by no one named is not a leader's lockdown hint (events_merge) ---

PM = lambda t: ent(t, "Narendra Modi", "PER", "प्रधानमंत्री नरेंद्र मोदी")  # noqa: E731
MEERUT = lambda t: ent(t, "Meerut", "LOC", "मेरठ")  # noqa: E731
SEALED = "बैठक में प्रधानमंत्री नरेंद्र मोदी ने लॉकडाउन बढ़ाने के संकेत दिए हैं। मेरठ में संक्रमण वाले सभी इलाकों को आज रात से सील कर दिया गया है।"


def test_a_sealed_place_and_a_leaders_hint_are_two_measures() -> None:
    ms = of(run(SEALED, [PM, MEERUT]), "COERCE")
    assert sorted(((m.actors, m.location or "") for m in ms), key=str) == [(("Narendra Modi",), ""), ((), "Meerut")]


def test_measure_place_apart_off_merges_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_merge, "MEASURE_PLACE_APART", False)
    monkeypatch.setattr(events_merge, "MEASURE_OBJECTS_SPLIT", False)  # a lockdown and a sealing: apart by objects too
    assert len(of(run(SEALED, [PM, MEERUT]), "COERCE")) == 1
