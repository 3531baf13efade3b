"""Rankings are no bulletins; one bulletin dated on two days; evidence similarity as a
tiebreak (crossdoc round 8). Hindi sentences written for these tests."""

from __future__ import annotations

import dataclasses
import random

from conftest_crossdoc import epidemic_report
from vaarta.crossdoc import EventReport, compatible, merge, multi_article
from vaarta.crossdoc_match import content_words, ranking_only


def bulletin(art: str, text: str | None, loc: str = "Kerala", pub: str = "2020-03-28", date: str | None = None) -> EventReport:
    return epidemic_report(art, text, loc, pub, date=date)


def test_ranking_only() -> None:
    assert ranking_only("देश में संक्रमण के सर्वाधिक मामले केरल में हैं ।")
    assert ranking_only("असम, केरल और पंजाब में अब तक सबसे ज्यादा मरीज मिले हैं ।")
    # a number makes it a count; a list of places with news of the day is no ranking
    assert not ranking_only("केरल में सबसे अधिक 45 नए मामले मिले ।")
    assert not ranking_only("असम, केरल और पंजाब में नए मामले सामने आए ।")
    # every evidence part must be a ranking
    assert not ranking_only("सर्वाधिक मामले केरल में हैं । | केरल में संख्या बढ़कर 96 हुई ।")


def test_a_ranking_is_not_merged_on_its_place() -> None:
    rank = bulletin("a", "देश में अब तक सबसे ज्यादा मामले केरल में सामने आए हैं ।")
    count = bulletin("b", "केरल में 12 नए मामले, संक्रमितों की संख्या बढ़कर 96 हो गई ।")
    assert compatible(rank, count) == (False, "a ranking, not a bulletin")
    # without evidence text the rule does not apply (the store path before it passes text)
    assert compatible(dataclasses.replace(rank, evidence_text=None), count)[0]


def test_one_bulletin_dated_on_two_days() -> None:
    a = bulletin("a", "केरल में संक्रमितों की संख्या बढ़कर 196 हो गई ।", date="2020-03-27")
    b = bulletin("b", "केरल में 196 मरीज हो गए हैं ।", pub="2020-03-30", date="2020-03-29")
    ok, why = compatible(a, b)
    assert ok and "one bulletin (same place, same count)" in why
    # a small count or different counts do not identify a bulletin across days
    c = bulletin("c", "केरल में संक्रमितों की संख्या नौ हो गई ।", date="2020-03-27")
    d = bulletin("d", "केरल में नौ मरीज हो गए हैं ।", pub="2020-03-30", date="2020-03-29")
    assert not compatible(c, d)[0]
    e = bulletin("e", "केरल में 201 मरीज हो गए हैं ।", pub="2020-03-30", date="2020-03-29")
    assert not compatible(a, e)[0]
    # more than BULLETIN_DAY_SLACK days apart: two reports
    f = bulletin("f", "केरल में 196 मरीज हो गए हैं ।", pub="2020-04-01", date="2020-03-31")
    assert not compatible(a, f)[0]
    # crossdoc round 16: across publication days a count under CROSS_DAY_COUNT_MIN is told afresh each day
    g = bulletin("g", "केरल में संक्रमितों की संख्या बढ़कर 96 हो गई ।", date="2020-03-27")
    h = bulletin("h", "केरल में 96 मरीज हो गए हैं ।", pub="2020-03-30", date="2020-03-29")
    assert not compatible(g, h)[0]


def test_evidence_similarity_is_order_free_tiebreak() -> None:
    assert content_words("केरल में 1,200 नए मामले सामने आए") == {"केरल", "1200", "नए", "सामने", "आए"}
    reps = [
        bulletin("a", "केरल में 12 नए मामले सामने आए ।"),
        bulletin("b", "केरल में 12 नए मामले सामने आए, राज्य सरकार ने बताया ।"),
        bulletin("c", "राज्य में 12 नए मरीज ।"),
        bulletin("d", "देश में अब तक सबसे ज्यादा मामले केरल में हैं ।"),
    ]
    first = [c.reports for c in multi_article(merge(reps))]
    for seed in range(5):
        shuffled = list(reps)
        random.Random(seed).shuffle(shuffled)
        assert [c.reports for c in multi_article(merge(shuffled))] == first
    assert all(("d", 0) not in r for r in first)
