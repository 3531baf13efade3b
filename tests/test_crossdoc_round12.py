"""Crossdoc round 12 (third session) (issue 6): rules that generalise to days never tuned on —
counts read with a disease word or as a list item, thresholds, negated reports, numbered deaths,
counts not ahead of publication, a count written in the other report, places as the only
participants, recalled events, the one-day window of undated reports, and the event-stage
lexicon for national totals, video conferences and deaths told without the disease's name.
Hindi sentences written for these tests."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest_crossdoc import epidemic_report
from vaarta import crossdoc_match, crossdoc_types
from vaarta.crossdoc import EventReport, compatible
from vaarta.crossdoc_match import case_bounds
from vaarta.model import Event, Span

from conftest_events import ent
from conftest_events import of_type as of
from conftest_events import run_events as run

GOA = lambda t: ent(t, "Goa", "LOC", "गोवा")  # noqa: E731
BRAZIL = lambda t: ent(t, "Brazil", "LOC", "ब्राजील")  # noqa: E731
CM = lambda t: ent(t, "Pramod Sawant", "PER", "मुख्यमंत्री प्रमोद सावंत", "प्रमोद सावंत")  # noqa: E731
INDIA = lambda t: ent(t, "India", "LOC", "भारत", "देश")  # noqa: E731


def _party_report(
    art: str, actors: tuple[str, ...], text: str, pub: str, date: str | None, type_: str = "CONSULT"
) -> EventReport:
    ev = Event(type=type_, status="occurred", actors=actors, recipients=(), evidence=(Span(0, 5),), date=date)
    return EventReport(art, 0, pub, f"{art}.txt", ev, text)


# --- counts: a disease word before the noun, list items, thresholds ---


def test_a_disease_word_between_count_and_noun() -> None:
    assert case_bounds("आज के चार नए मरीजों को मिलाकर गोवा में 41 कोरोना पॉजिटिव मरीज हो गए हैं ।")[1] == {41}
    a = epidemic_report("a", "गोवा में 41 कोरोना पॉजिटिव मरीज हो गए हैं ।", loc="Goa")
    b = epidemic_report("b", "गोवा में अब 45 कोरोना संक्रमित हैं ।", loc="Goa")
    assert compatible(a, b) == (False, "different case counts")


def test_a_list_item_is_a_count() -> None:
    assert case_bounds("बिहार में 12")[1] == {12}
    assert case_bounds("केरल में तीन विदेशियों सहित 31")[1] == {31}
    assert case_bounds("बिहार में 12 जगह जांच शिविर लगे")[1] == frozenset()  # other wording: no list item
    a = epidemic_report("a", "बिहार में 12", loc="Bihar")
    b = epidemic_report("b", "बिहार में संक्रमितों की संख्या 15 हो गई है ।", loc="Bihar")
    assert compatible(a, b) == (False, "different case counts")


def test_more_than_a_count_is_a_threshold() -> None:
    assert case_bounds("गोवा में अभी तक 70 से अधिक मामले सामने आए हैं ।")[2] == {70}
    a = epidemic_report("a", "गोवा में 70 से अधिक मामले सामने आए हैं ।", loc="Goa")
    b = epidemic_report("b", "गोवा में छह", loc="Goa")
    assert compatible(a, b)[0] is False


# --- negated reports, numbered deaths ---


def test_a_negated_report_is_not_an_occurred_one() -> None:
    a = epidemic_report("a", "गोवा में 20 लोगों की जांच रिपोर्ट निगेटिव आई है ।", loc="Goa")
    a = replace(a, event=replace(a.event, status="negated"))
    b = epidemic_report("b", "गोवा में कोरोना के नए मामले सामने आए ।", loc="Goa")
    assert compatible(a, b) == (False, "reported as not having happened on one side")


def test_a_first_death_is_not_a_count_with_no_death() -> None:
    death = epidemic_report("a", "गोवा में कोरोना से पहली मौत, बुजुर्ग ने दम तोड़ा ।", loc="Goa")
    count = epidemic_report("b", "गोवा में 7", loc="Goa")
    both = epidemic_report("c", "गोवा में पहली मौत के साथ मरीज 7 हुए, एक मरीज की मौत हुई ।", loc="Goa")
    assert compatible(death, count) == (False, "a numbered death and a report with no death")
    assert compatible(death, both)[0] is True


def test_death_rule_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_match, "DEATH_NEEDS_DEATH", False)
    death = epidemic_report("a", "गोवा में कोरोना से पहली मौत ।", loc="Goa")
    assert compatible(death, epidemic_report("b", "गोवा में 7", loc="Goa"))[0] is True


# --- dates: counts not ahead of publication, the one-day window ---


def test_an_undated_count_is_not_a_count_of_the_next_day() -> None:
    a = epidemic_report("a", "गोवा में 500 नए मामले सामने आए ।", loc="Goa", pub="2020-04-01")
    b = epidemic_report("b", "गोवा में कुल संख्या 900 हो गई ।", loc="Goa", pub="2020-04-03", date="2020-04-02")
    assert compatible(a, b)[0] is False


def test_an_undated_report_is_of_its_day_or_the_day_before() -> None:
    dated = _party_report("a", ("Pramod Sawant",), "प्रमोद सावंत ने अधिकारियों से बात की ।", "2020-04-05", "2020-04-05")
    next_day = _party_report("b", ("Pramod Sawant",), "प्रमोद सावंत ने अधिकारियों से बात की ।", "2020-04-06", None)
    later = _party_report("c", ("Pramod Sawant",), "प्रमोद सावंत ने अधिकारियों से बात की ।", "2020-04-08", None)
    assert crossdoc_types.UNDATED_BACK_DAYS == 1
    assert compatible(dated, next_day)[0] is True
    assert compatible(dated, later)[0] is False


# --- a count written in the other report ---


def test_a_count_written_in_the_other_report_is_shared() -> None:
    a = epidemic_report("a", "जमात से जुड़े 45 के गोवा में संक्रमित होने की पुष्टि हुई । | गोवा में संक्रमितों की संख्या 120 हुई ।", loc="Goa")
    b = epidemic_report("b", "गोवा में 45 संक्रमित", loc="Goa")
    assert compatible(a, b)[0] is True


def test_count_in_other_text_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_match, "COUNT_IN_OTHER_TEXT", False)
    a = epidemic_report("a", "जमात से जुड़े 45 के गोवा में संक्रमित होने की पुष्टि हुई । | गोवा में संक्रमितों की संख्या 120 हुई ।", loc="Goa")
    b = epidemic_report("b", "गोवा में 45 संक्रमित", loc="Goa")
    assert compatible(a, b) == (False, "different case counts")


# --- places as the only participants, recalled events ---


def test_the_same_country_as_the_only_party_is_no_shared_party() -> None:
    a = _party_report("a", ("India",), "भारत ने कई देशों से बातचीत की ।", "2020-04-05", None)
    b = _party_report("b", ("India",), "भारत के अधिकारियों ने बात की ।", "2020-04-05", None)
    assert compatible(a, b, {"Goa": "India"}) == (False, "only places as participants")


def test_an_earlier_event_recalled_is_not_merged() -> None:
    news = _party_report(
        "a", ("Pramod Sawant",), "मुख्यमंत्री ने आज मंत्रियों से वीडियो कॉन्फ्रेंसिंग के जरिए बात की ।", "2020-04-03", "2020-04-03"
    )
    recalled = _party_report(
        "b", ("Pramod Sawant",), "इससे पहले मुख्यमंत्री ने तीन अप्रैल को मंत्रियों से बातचीत की थी ।", "2020-04-04", "2020-04-03"
    )
    assert compatible(news, recalled) == (False, "an earlier event recalled")


def test_this_days_event_told_second_is_no_recollection() -> None:
    a = _party_report("a", ("Pramod Sawant",), "मुख्यमंत्री ने आज मंत्रियों से बात की ।", "2020-04-04", "2020-04-04")
    b = _party_report("b", ("Pramod Sawant",), "इससे पहले मुख्यमंत्री ने आज मंत्रियों से बात की थी ।", "2020-04-04", "2020-04-04")
    assert compatible(a, b)[0] is True


# --- event stage (lexicon) ---

OUTBREAK = "कोरोना वायरस का प्रकोप जारी है। "


def test_a_national_total_of_infected_people() -> None:
    t = OUTBREAK + "मंत्रालय के अनुसार भारत में अब संक्रमित लोगों की संख्या 7,210 पहुंच गई है।"
    assert [e.location for e in of(run(t, [INDIA]), "DISASTER")] == ["India"]


def test_a_total_of_positives() -> None:
    t = OUTBREAK + "वहीं भारत में कोविड-19 पॉजिटिव की संख्या बढ़कर 3100 पर पहुंच गई है।"
    assert [e.location for e in of(run(t, [INDIA]), "DISASTER")] == ["India"]


def test_a_total_stated_as_is() -> None:
    t = OUTBREAK + "गोवा में फिलहाल कोविड-19 के कुल 27 मामले हैं।"
    assert [e.location for e in of(run(t, [GOA]), "DISASTER")] == ["Goa"]


def test_a_video_conference_planned_and_held() -> None:
    planned = "मुख्यमंत्री प्रमोद सावंत 20 मई को सभी जिलाधिकारियों के साथ वीडियो कॉन्फ्रेंसिंग करेंगे।"
    held = "मुख्यमंत्री प्रमोद सावंत ने भी सोमवार को अधिकारियों के साथ हुई वीडियो कान्फ्रेसिंग में संकेत दिए।"
    assert [(e.mode, e.status) for e in of(run(planned, [CM]), "CONSULT")] == [("video", "planned")]
    assert [e.mode for e in of(run(held, [CM]), "CONSULT")] == ["video"]


def test_deaths_of_people_in_an_outbreak_article() -> None:
    t = OUTBREAK + "पिछले 24 घंटों के दौरान ब्राजील में तीन हजार लोगों की मौत हो गई है।"
    assert [e.location for e in of(run(t, [BRAZIL]), "DISASTER")] == ["Brazil"]
    t2 = OUTBREAK + "बीते दिन ब्राजील में 3000 लोग इस वायरस के कारण मारे जा चुके हैं।"
    assert [e.location for e in of(run(t2, [BRAZIL]), "DISASTER")] == ["Brazil"]


def test_deaths_of_people_with_no_outbreak_are_no_epidemic() -> None:
    t = "शहर में पुल गिरने से तीन हजार लोगों की मौत हो गई है।"
    assert [e for e in run(t, []) if e.mode == "epidemic"] == []
