"""Crossdoc round 19 (eighth session) (issue 6): measures across articles — what a measure is
about keeps two measures of one place and day apart; visa suspensions and declared epidemics,
disasters and containment zones are measures; a placeless measure in a state's paragraph of a
round-up is that state's. Hindi sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from vaarta import crossdoc_measures
from vaarta.crossdoc import EventReport, compatible, merge, multi_article
from vaarta.crossdoc_measures import measure_objects
from vaarta.model import Event, Span

from conftest_events import ent
from conftest_events import of_type as of
from conftest_events import run_events as run

DELHI = lambda t: ent(t, "Delhi", "LOC", "दिल्ली")  # noqa: E731
UP = lambda t: ent(t, "Uttar Pradesh", "LOC", "उत्तर प्रदेश", "यूपी")  # noqa: E731
KERALA = lambda t: ent(t, "Kerala", "LOC", "केरल")  # noqa: E731
LUCKNOW = lambda t: ent(t, "Lucknow", "LOC", "लखनऊ")  # noqa: E731
INDIA = lambda t: ent(t, "India", "LOC", "भारत")  # noqa: E731


def _measure(art: str, words: str, loc: str = "Delhi", type_: str = "COERCE", pub: str = "2020-03-20") -> EventReport:
    ev = Event(type=type_, status="occurred", actors=(), recipients=(), evidence=(Span(0, 5),), location=loc)
    return EventReport(art, 0, pub, f"{art}.txt", ev, words)


SCHOOLS_A = "दिल्ली में सभी स्कूल और कॉलेज 31 मार्च तक बंद कर दिए गए हैं ।"
SCHOOLS_B = "राजधानी दिल्ली के सरकारी और निजी विद्यालयों को बंद करने का आदेश दिया गया है ।"
METRO = "दिल्ली में रविवार को मेट्रो सेवा बंद कर दी गई है ।"


def test_what_a_measure_is_about() -> None:
    assert measure_objects(SCHOOLS_A) == {"schools"}
    assert measure_objects(METRO) == {"transport"}
    assert measure_objects("हरियाणा सरकार ने कोरोना को महामारी घोषित कर दिया है ।") == {"declared"}
    # the virus named as an epidemic in passing declares nothing; "पार्किंग" is no park
    assert measure_objects("महामारी के चलते पार्किंग बंद कर दी गई है ।") == frozenset()
    # a round-up sentence names several kinds
    assert measure_objects("मॉल, सिनेमा और स्कूल बंद रहेंगे ।") == {"venues", "schools"}


def test_measures_of_different_things_stay_apart() -> None:
    a, b, c = _measure("a", SCHOOLS_A), _measure("b", SCHOOLS_B), _measure("c", METRO)
    assert compatible(a, b)[0]
    ok, why = compatible(a, c)
    assert not ok and why == "measures of different things"
    clusters = multi_article(merge([a, b, c]))
    assert [sorted(m[0] for m in cl.reports) for cl in clusters] == [["a", "b"]]
    # a measure whose evidence names nothing it is about is not kept apart by this rule
    assert compatible(a, _measure("d", "दिल्ली सरकार ने कई सख्त कदम उठाए हैं ।"))[0]
    # other types are not measures: two epidemic reports are not compared by objects
    assert crossdoc_measures.different_measures("COERCE", frozenset({"schools"}), frozenset({"transport"}))
    assert not crossdoc_measures.different_measures("DISASTER", frozenset({"schools"}), frozenset({"transport"}))


def test_objects_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_measures, "MEASURE_OBJECTS_APART", False)
    assert compatible(_measure("a", SCHOOLS_A), _measure("c", METRO))[0]


def test_a_visa_suspension_is_a_sanction() -> None:
    t = "भारत ने 15 अप्रैल तक सभी देशों के पर्यटक वीजा निलंबित कर दिए हैं।"
    assert [e.type for e in run(t, [INDIA])] == ["SANCTION"]
    t2 = "भारत ने विदेशियों के वीजा को सस्पेंड कर दिया है।"
    assert [e.type for e in run(t2, [INDIA])] == ["SANCTION"]
    # an official suspended is still a COERCE
    t3 = "दिल्ली में लापरवाही के आरोप में दो पुलिसकर्मियों को निलंबित कर दिया गया।"
    assert [e.type for e in run(t3, [DELHI])] == ["COERCE"]


def test_a_declared_epidemic_is_a_measure_of_its_place() -> None:
    t = "उत्तर प्रदेश सरकार ने कोरोना को आपदा घोषित कर दिया है।"
    gov = lambda x: ent(x, "Government of Uttar Pradesh", "ORG", "उत्तर प्रदेश सरकार")  # noqa: E731
    ms = of(run(t, [gov]), "COERCE")
    assert [(m.actors, m.trigger) for m in ms] == [(("Government of Uttar Pradesh",), "आपदा घोषित कर")]
    t2 = "दिल्ली में 20 इलाकों को हॉटस्पॉट घोषित किया गया है।"
    assert [m.location for m in of(run(t2, [DELHI]), "COERCE")] == ["Delhi"]
    # "declared" alone (a result declared) is no measure
    assert of(run("बोर्ड परीक्षा का परिणाम घोषित कर दिया गया है।", []), "COERCE") == []


def test_an_order_to_keep_closed_is_a_measure() -> None:
    t = "दिल्ली सरकार ने सभी स्कूल 31 मार्च तक बंद रखने का आदेश दिया है।"
    gov = lambda x: ent(x, "Government of Delhi", "ORG", "दिल्ली सरकार")  # noqa: E731
    assert len(of(run(t, [gov, DELHI]), "COERCE")) == 1
    # a state (बंद रहेंगे) is still no measure
    assert of(run("होली के कारण दिल्ली के बाजार दो दिन बंद रहेंगे।", [DELHI]), "COERCE") == []


ROUND_UP = (
    "देश के कई राज्यों में कोरोना के मामले सामने आए हैं।\n\n"
    "यूपी में कोरोना के 11 मामले हैं। 10 का इलाज लखनऊ में चल रहा है। सभी स्कूल-कॉलेज 22 मार्च तक बंद कर दिए गए हैं।\n\n"
    "केरल में 19 मामले हैं। यहां के लोग सतर्क हैं।\n\n"
    "देश के कई राज्यों ने स्कूल बंद कर दिए हैं।"
)


def test_a_placeless_measure_is_its_paragraphs_state() -> None:
    ms = of(run(ROUND_UP, [UP, KERALA, LUCKNOW]), "COERCE")
    # the closure in UP's paragraph is UP's; "many states of the country" is no one state's (and,
    # with no place and no one named, no event)
    assert [(m.location, ROUND_UP[m.evidence[0].start : m.evidence[0].end].startswith("सभी")) for m in ms] == [
        ("Uttar Pradesh", True)
    ]


def test_paragraph_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaarta import events_anaphora

    monkeypatch.setattr(events_anaphora, "PARAGRAPH_STATES", False)
    ms = of(run(ROUND_UP, [UP, KERALA, LUCKNOW]), "COERCE")
    assert "Uttar Pradesh" not in [m.location for m in ms]
