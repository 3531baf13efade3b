"""Issue 6, fifth session (crossdoc round 16): a case count of 100 or more with no place in its
sentence is kept as a place-less epidemic report (events_bulletins.PLACELESS_COUNTS), two such
counts of one article stay two reports (events_merge.PLACELESS_APART), and across articles a
place-less report joins only a national or place-less report of the same day that gives the same
number (crossdoc_match.PLACELESS_BY_COUNT). Hindi sentences written for these tests."""

from __future__ import annotations

import pytest

import vaarta
from vaarta import crossdoc_match, crossdoc_types, events_bulletins, pipeline
from vaarta.crossdoc import merge, multi_article, reports_from_record
from vaarta.model import Article, Record

PUB = "2020-04-12"


def epidemic(text: str) -> list[dict]:  # type: ignore[type-arg]
    rec = vaarta.analyse_text(text, published=PUB).to_json()
    return [e for e in rec["events"] if e["type"] == "DISASTER" and e.get("mode") == "epidemic"]


def test_a_headline_count_with_no_place_is_a_report() -> None:
    (ev,) = epidemic("पिछले 24 घंटे में 918 नए मामले, संक्रमितों की कुल संख्या 8447 हुई")
    assert ev.get("location") is None


def test_a_small_count_with_no_place_is_background() -> None:
    assert epidemic("राज्य में संक्रमितों की कुल संख्या बढ़कर 38 हो गई है।") == []


def test_flag_off_drops_place_less_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_bulletins, "PLACELESS_COUNTS", False)
    monkeypatch.setattr(vaarta.events, "PLACELESS_COUNTS", False)
    assert epidemic("पिछले 24 घंटे में 918 नए मामले, संक्रमितों की कुल संख्या 8447 हुई") == []


def test_two_place_less_counts_of_one_article_stay_two_reports() -> None:
    evs = epidemic("संक्रमितों की कुल संख्या 8447 हुई। संयुक्त सचिव ने बताया कि सुबह तक पॉजिटिव मामलों की संख्या 8356 हो गई थी।")
    assert len(evs) == 2 and all(e.get("location") is None for e in evs)


def _record(aid: str, text: str, pub: str = PUB) -> Record:
    res = pipeline.load_resources()
    rec = pipeline.analyse_article(Article(id=aid, source=aid, raw=text, title=text.split("\n")[0], published=pub), res)
    assert isinstance(rec, Record)
    return rec


def _joined(*arts: tuple[str, str, str]) -> list[set[str]]:
    reports = [r for aid, text, pub in arts for r in reports_from_record(aid, pub, aid, _record(aid, text, pub))]
    return [{x for x, _ in cl.reports} for cl in multi_article(merge(reports))]


NATIONAL = "देश में कोरोना के 8356 मरीज\n\nदेश में पिछले 24 घंटे में 909 मामले सामने आने के बाद संक्रमितों की संख्या बढ़कर 8356 हो गई है।"
PLACELESS = "कोरोना अपडेट\n\nमंत्रालय के मुताबिक अब तक पॉजिटिव मामलों की संख्या 8356 हो गई है।"


def test_a_place_less_count_joins_the_national_report_with_its_number() -> None:
    assert {"a", "b"} in _joined(("a", NATIONAL, PUB), ("b", PLACELESS, PUB))


def test_a_different_number_or_another_day_stays_apart() -> None:
    other = PLACELESS.replace("8356", "8447")
    assert not any(len(j) > 1 for j in _joined(("a", NATIONAL, PUB), ("b", other, PUB)))
    assert not any(len(j) > 1 for j in _joined(("a", NATIONAL, PUB), ("b", PLACELESS, "2020-04-13")))


def test_a_place_less_count_does_not_join_a_state_with_the_same_number(monkeypatch: pytest.MonkeyPatch) -> None:
    state = "राजस्थान में 348 मरीज\n\nराजस्थान में संक्रमितों की संख्या बढ़कर 348 हो गई है।"
    placeless = "कोरोना अपडेट\n\nस्वास्थ्य विभाग के मुताबिक मरीजों की संख्या बढ़कर 348 हो गई है।"
    assert not any(len(j) > 1 for j in _joined(("a", state, PUB), ("b", placeless, PUB)))
    # nor a place the knowledge base does not know (it is no country)
    unknown = state.replace("राजस्थान", "धारावी")
    assert not any(len(j) > 1 for j in _joined(("a", unknown, PUB), ("b", placeless, PUB)))
    monkeypatch.setattr(crossdoc_match, "PLACELESS_NATIONAL_ONLY", False)  # any place: they join
    assert {"a", "b"} in _joined(("a", state, PUB), ("b", placeless, PUB))


def test_flag_off_keeps_place_less_reports_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_match, "PLACELESS_BY_COUNT", False)
    assert not any(len(j) > 1 for j in _joined(("a", NATIONAL, PUB), ("b", PLACELESS, PUB)))


def test_one_sentence_with_two_count_phrases_is_one_report() -> None:
    evs = epidemic("स्वास्थ्य मंत्रालय ने बताया कि पिछले 24 घंटे में कोरोना के 1007 नए मामले सामने आए हैं और कुल मामले 13387 पर पहुंचे हैं।")
    assert len(evs) == 1 and evs[0].get("location") is None


def test_the_19_of_covid_19_is_no_count_and_latin_covid19_is_a_disease_word() -> None:
    from vaarta.crossdoc_counts import case_bounds

    assert case_bounds("देश में कोविड-19 मरीजों की संख्या 8,356 पर पहुंच गयी") == (frozenset(), frozenset({8356}), frozenset())
    assert case_bounds("पिछले 24 घंटों में 1752 नए COVID19 के मामले सामने आए हैं")[0] == frozenset({1752})
    assert case_bounds("बरसात मरीजों के लिए मुश्किल")[1] == frozenset()  # no "सात" inside a word
    assert case_bounds("अब तक 391 कोविड - 19 पॉजिटिव मिले")[1] == frozenset({391})
    assert case_bounds("युवक को कोविड 19 पॉजिटिव पाया गया")[1] == frozenset()


def test_a_count_dated_to_a_month_is_compared_as_undated(monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest_crossdoc import epidemic_report
    from vaarta.crossdoc import compatible

    day = epidemic_report("a", "देश में संक्रमितों की कुल संख्या 1637 हो गई ।", "India", "2020-04-01", date="2020-04-01")
    month = epidemic_report("b", "मार्च में हुए जलसे के बाद देश में कुल मामले 1637 हो गए हैं ।", "India", "2020-04-01", date="2020-03")
    assert compatible(day, month)[0]
    monkeypatch.setattr(crossdoc_types, "COUNT_DAY_ONLY", False)
    assert compatible(day, month) == (False, "different dates")


def test_a_state_list_ending_in_cases_came_gives_one_report_per_state() -> None:
    evs = epidemic("कोरोना वायरस: महाराष्ट्र में अब तक 52 मामले, केरल में 40, हरियाणा में 17 और पंजाब में चार मामले आए हैं।")
    assert {e.get("location") for e in evs} == {"Maharashtra", "Kerala", "Haryana", "Punjab, India"}


def test_a_count_between_1900_and_2100_is_a_count() -> None:
    (ev,) = epidemic("कोरोना अपडेट: संक्रमितों की कुल संख्या 2,069 हो गई है।")
    assert ev.get("location") is None


def test_a_named_patient_told_twice_is_one_report() -> None:
    evs = epidemic("अभिनेता रमेश कुमार कोरोना पॉजिटिव पाए गए हैं। रमेश कुमार की रिपोर्ट पॉजिटिव आई है।")
    assert len(evs) == 1
