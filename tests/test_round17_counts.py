"""Issue 6, sixth session (crossdoc round 17): more ways Hindi papers write a case count, each
read as an epidemic report with its number, so that two outlets' versions of one bulletin meet.
Hindi sentences written for these tests (numbers invented)."""

from __future__ import annotations

import pytest

import vaarta
from vaarta.crossdoc import merge, multi_article, reports_from_record
from vaarta.crossdoc_counts import case_bounds
from vaarta.events_bulletins import placeless_count

PUB = "2020-04-16"


def epidemic(text: str) -> list[dict]:  # type: ignore[type-arg]
    rec = vaarta.analyse_text("कोरोना अपडेट\n\n" + text, published=PUB).to_json()
    return [e for e in rec["events"] if e["type"] == "DISASTER" and e.get("mode") == "epidemic"]


@pytest.mark.parametrize(
    ("text", "place", "new", "total"),
    [
        ("महाराष्ट्र में मिले नौ नए पॉजिटिव मामले, 210 हुई संक्रमितों की संख्या", "Maharashtra", {9}, {210}),
        ("भारत में संक्रमण के मामले बढ़कर 12,512 हो गए हैं।", "India", set(), {12512}),
        ("तमिलनाडु में कोविड-19 के मामले बढ़ कर 1,340 हो गए हैं।", "Tamil Nadu", set(), {1340}),
        ("गुजरात में कोरोना के कुल मामलों की संख्या अब 1,604 हो गई है।", "Gujarat", set(), {1604}),
        ("बिहार में अब तक कुल 66 मामले सामने आ चुके हैं।", "Bihar", set(), {66}),
        ("महाराष्ट्र में कुल केस 3,320 हैं।", "Maharashtra", set(), {3320}),
        ("आगरा में कोरोना संक्रमितों का आंकड़ा 142 पर पहुंच गया है।", "Agra", set(), {142}),
        ("केरल में कोरोना रोगियों की संख्या बढ़कर 388 हो गई है।", "Kerala", set(), {388}),
        ("राजस्थान में 97 नये केस के साथ कुल 1,023 लोग संक्रमित", "Rajasthan", {97}, {1023}),
        ("दिल्ली में 86 नए पॉजिटिव केस, अब तक 32 की मौत", "Delhi", {86}, set()),
        ("पुणे में आज कोरोना के 41 नए मामलों की पुष्टी हुई।", "Pune", {41}, set()),
        ("उत्तर प्रदेश में कोरोना पॉजिटिव की संख्या कुल मिलाकर 172 हो गई है।", "Uttar Pradesh", set(), {172}),
        ("कर्नाटक में अभी 128 मामले हैं।", "Karnataka", set(), {128}),
        ("केरल में अब तक सामने आए कुल 295 मामले, दो की मौत", "Kerala", set(), {295}),
    ],
)
def test_a_bulletin_phrasing_is_a_report_with_its_numbers(text: str, place: str, new: set[int], total: set[int]) -> None:
    evs = epidemic(text)
    assert [e["location"] for e in evs] == [place], evs
    got_new, got_total, _bounds = case_bounds(text)
    assert got_new == new and got_total == total


def test_a_threshold_passed_is_a_report_with_a_bound() -> None:
    text = "भारत में कोरोना वायरस संक्रमितों का आंकड़ा 12 हजार से भी ऊपर पहुंच गया है।"
    assert [e["location"] for e in epidemic(text)] == ["India"]
    assert case_bounds(text) == (frozenset(), frozenset(), frozenset({12000}))


def test_more_people_caught_is_a_new_count_even_with_no_place() -> None:
    text = "पिछले चौबीस घंटों के दौरान 826 और लोग कोरोना की चपेट में आए हैं।"
    assert case_bounds(text)[0] == frozenset({826})
    assert placeless_count(text)  # as the merge reads it: a large count stands for one bulletin
    (ev,) = epidemic(text)
    assert ev["location"] is None


def test_the_numbers_of_other_things_are_no_report() -> None:
    assert epidemic("राज्य में 1,200 लोगों को क्वारंटीन में रखा गया है।") == []
    assert epidemic("अब तक 1,500 मरीज ठीक हो चुके हैं।") == []


def _record(text: str) -> object:
    return vaarta.analyse_text(text, published=PUB)


def test_two_phrasings_of_one_bulletin_meet_across_articles() -> None:
    a = "कोरोना: गुजरात में संक्रमण के मामले बढ़कर 1,604 हो गए\n\nगुजरात में संक्रमण के मामले बढ़कर 1,604 हो गए हैं।"
    b = "गुजरात में 1,604 हुई संक्रमितों की संख्या\n\nकोरोना वायरस: गुजरात में कोरोना के कुल मामलों की संख्या अब 1,604 हो गई है।"
    c = "गुजरात में कोरोना\n\nकोरोना वायरस: गुजरात में कुल मामलों की संख्या अब 1,376 हो गई है।"  # another day's count
    reports = []
    for aid, text in (("a", a), ("b", b), ("c", c)):
        rec = _record(text)
        reports += reports_from_record(aid, PUB, aid, rec)
    joined = [{x for x, _ in cl.reports} for cl in multi_article(merge(reports))]
    assert {"a", "b"} in joined
    assert not any("c" in g for g in joined)


@pytest.mark.parametrize(
    "text",
    ["अब तक यहां 2003 कंफर्म केस सामने आ चुके हैं।", "पिछले 24 घंटे में देशभर में कोरोना के 1975 नये केस सामने आए हैं।"],
)
def test_a_count_between_1800_and_2100_is_no_year(text: str) -> None:
    rec = vaarta.analyse_text("कोरोना अपडेट\n\n" + text, published=PUB).to_json()
    assert rec["times"] == []
    assert all(e["date"] is None for e in rec["events"])  # a year 2003 made the report an old one


def test_a_year_is_still_a_year() -> None:
    rec = vaarta.analyse_text("सार्स\n\n2003 में सार्स फैला था।", published=PUB).to_json()
    assert [t["value"] for t in rec["times"]] == ["2003"]


def test_a_count_reached_is_no_year() -> None:
    rec = vaarta.analyse_text("कोरोना\n\nभारत में कोरोना वायरस के मामलों की संख्या बढ़कर 1965 हो गई है।", published="2020-04-02")
    assert rec.times == ()
    assert [e.date for e in rec.events] == [None]


def test_an_old_day_of_one_place_stays_apart_from_the_days_count() -> None:
    """The first death weeks ago is history, not the date of today's count of the same place."""
    text = (
        "कोरोना अपडेट\n\nभारत में अब तक 5,865 लोग कोरोना से संक्रमित हो चुके हैं और 169 लोगों की मौत हो गई है।"
        " भारत में कोरोना से पहली मौत 13 मार्च को हुई थी।"
    )
    evs = [e for e in vaarta.analyse_text(text, published="2020-04-09").events if e.location == "India"]
    today = [e for e in evs if e.date is None]
    assert today, [(e.date, e.evidence) for e in evs]
    assert all(e.date in (None, "2020-03-13") for e in evs)


def test_a_sentence_with_its_own_time_takes_no_date_from_the_one_before() -> None:
    text = "कोरोना अपडेट\n\nमंत्री ने कहा कि देश में 17 जनवरी से तैयारी चल रही है। भारत में चार मार्च तक 29 मामलों की पुष्टि हुई है।"
    evs = [e for e in vaarta.analyse_text(text, published="2020-03-05").events if e.location == "India"]
    assert evs and all(e.date != "2020-01-17" for e in evs)
