"""Epidemic bulletins told apart by their numbers; places are not participants; memoised
place chains (crossdoc round 7). Hindi sentences written for these tests."""

from __future__ import annotations

import pickle

from conftest_crossdoc import epidemic_report
from vaarta.crossdoc import EventReport, case_counts, compatible, merge, multi_article, place_hierarchy, reports_from_record
from vaarta.crossdoc_places import PlaceMap, as_place_map
from vaarta.model import Event, Record, Span
from vaarta.segment import make_document


def bulletin(art: str, text: str | None, loc: str = "Delhi", killed: int | None = None, pub: str = "2020-04-01") -> EventReport:
    return epidemic_report(art, text, loc, pub, killed=killed)


def test_case_counts_new_and_totals_not_deaths() -> None:
    new, other = case_counts("राज्य में 33 नए मामले आने के बाद संक्रमितों की संख्या बढ़कर 335 हो गई ।")
    assert new == {33} and other == {335}
    assert case_counts("शहर में छह और मरीज मिले ।")[0] == {6}
    # deaths and hours are no case counts
    assert case_counts("मृतकों की कुल संख्या 2,981 पर पहुंची, मौत के दो मामले और ।") == (frozenset(), frozenset())
    assert case_counts("पिछले 24 घंटे में कोई नया मरीज नहीं मिला ।") == (frozenset(), frozenset())


def test_two_bulletins_of_one_place_with_different_counts_stay_apart() -> None:
    a = bulletin("a", "दिल्ली में संक्रमितों की संख्या बढ़कर 120 हो गई ।")
    b = bulletin("b", "दिल्ली में कुल मरीजों की संख्या 120 हुई, 23 नए मामले ।")
    c = bulletin("c", "दिल्ली में संक्रमितों की संख्या 152 पहुंची ।")
    ok, why = compatible(a, b)
    assert ok and "a case count in common" in why
    assert compatible(a, c) == (False, "different case counts")
    (cl,) = multi_article(merge([a, b, c]))
    assert cl.articles == ("a", "b")
    # the same toll marks one bulletin even when the case numbers are for different regions
    d = bulletin("d", "चीन में 42 और लोगों की मौत, 202 नए मामले ।", loc="China", killed=42, pub="2020-03-02")
    e = bulletin("e", "चीन ने 42 और मौतों की पुष्टि की, बाहर केवल छह नए मामले ।", loc="China", killed=42, pub="2020-03-02")
    assert compatible(d, e)[0]
    # without evidence text (a store row without its text) the numbers are not known
    assert compatible(bulletin("f", None), bulletin("g", None))[0]


def test_first_and_second_death_are_two_events() -> None:
    first = bulletin("a", "अमेरिका में कोरोना से पहली मौत की पुष्टि ।", loc="United States", pub="2020-03-01")
    second = bulletin("b", "अमेरिका में इस वायरस से मौत का दूसरा मामला ।", loc="United States", pub="2020-03-01")
    again = bulletin("c", "अमेरिका में दूसरी मौत हो गई है ।", loc="United States", pub="2020-03-01")
    assert compatible(first, second) == (False, "different deaths (first, second)")
    assert compatible(second, again)[0]


def test_sharing_only_a_country_is_no_shared_participant() -> None:
    def consult(art: str, who: tuple[str, ...], loc: str) -> EventReport:
        ev = Event(type="CONSULT", status="occurred", actors=who[:1], recipients=who[1:], evidence=(Span(0, 5),), location=loc)
        return EventReport(art, 0, "2020-03-02", art, ev)

    places = place_hierarchy()
    assert places.is_place("india")
    visit = consult("a", ("Amjad Basha", "India"), "Delhi")
    count = consult("b", ("India",), "India")
    assert compatible(visit, count, places) == (False, "only places in common")
    assert compatible(consult("c", ("Narendra Modi", "India"), "Delhi"), consult("d", ("Narendra Modi",), "Delhi"), places)[0]


def test_place_map_memoises_chains_and_pickles() -> None:
    pm = as_place_map({"Chamoli district": "Uttarakhand", "Uttarakhand": "India"})
    assert isinstance(pm, PlaceMap) and as_place_map(pm) is pm
    assert pm.chain("Chamoli district") == ("chamoli district", "uttarakhand", "india")
    assert pm.chain("Chamoli district") is pm.chain("Chamoli district")  # computed once
    assert pm.chain("Banda, Uttar Pradesh") == ("banda", "uttar pradesh")
    again = pickle.loads(pickle.dumps(pm))
    assert dict(again) == dict(pm) and again.chain("Uttarakhand") == ("uttarakhand", "india")


def test_reports_from_record_carry_their_evidence_text() -> None:
    doc = make_document("दिल्ली में 23 नए मामले सामने आए । बाकी खबर ।", published="2020-04-01")
    ev = Event(
        type="DISASTER", status="occurred", actors=(), recipients=(), evidence=(Span(0, 30),), mode="epidemic", location="Delhi"
    )
    (r,) = reports_from_record("x", "2020-04-01", "x.txt", Record(document=doc, events=(ev,)))
    assert r.evidence_text == doc.text[0:30] and "23 नए मामले" in r.evidence_text


def test_heldout_gold_resolves_against_corpus() -> None:
    import os
    from pathlib import Path

    import pytest

    from vaarta import corpora

    shared = Path(os.environ.get("VAARTA_SHARED", Path(__file__).parents[1].parent / "shared"))
    if not (shared / corpora.COVID_DIR).is_dir():
        pytest.skip("../shared/data/covid-hindi-news absent")
    gold = corpora.gold_cluster_refs(Path(__file__).parents[1] / "eval" / "clusters" / "covid-gold-heldout.jsonl", shared)
    assert len(gold) == 17 and all(g["unresolved"] == 0 for g in gold)
    days = {i.split(":")[2] for g in gold for k in ("articles", "negative") for i in g.get(k, [])}  # type: ignore[union-attr]
    assert days == {"20200324", "20200328", "20200405"}
