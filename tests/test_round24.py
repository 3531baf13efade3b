"""Crossdoc round 24 (thirteenth session) (issue 6): a table's row is its day's figure, whenever the
table is published; a row lacks words, not evidence against; a country named in a comparison is not
the "देश" of a count; two large counts a slip apart are one bulletin. Hindi articles written for these tests."""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from vaarta import crossdoc_join, crossdoc_match, pipeline
from vaarta.crossdoc import EventReport, compatible, figures_from_record, merge, multi_article, reports_from_record
from vaarta.model import Article, Event, Record, Resources, Span


@cache
def _res() -> Resources:
    return pipeline.load_resources()


def _record(aid: str, body: str, published: str, title: str = "कोरोना अपडेट") -> Record:
    art = Article(id=aid, source=aid, raw=title + "\n" + body, title=title, published=published)
    rec = pipeline.analyse_article(art, _res())
    assert isinstance(rec, Record)
    return rec


def _linked(articles: dict[str, tuple[str, str]]) -> set[tuple[str, str]]:
    """Article pairs that share a merged cluster; ``articles``: id → (body, publication day)."""
    reports = []
    for aid, (body, published) in articles.items():
        rec = _record(aid, body, published)
        reports += reports_from_record(aid, published, aid, rec)
        reports += figures_from_record(aid, published, aid, rec)
    out: set[tuple[str, str]] = set()
    for c in multi_article(merge(reports)):
        out.update(itertools.combinations(sorted({a for a, _ in c.reports}), 2))
    return out


# --- a date-wise table published later gives the day's figure: it meets that day's bulletins ---

BULLETIN = "देश में कोरोना संक्रमितों की संख्या 724 तक पहुंच चुकी है और 17 लोगों की मौत हो चुकी है।"
RECAP = (
    "लॉकडाउन के बाद भारत में मामले कैसे बढ़े, एक नजर।\n\n"
    "तारीख संक्रमितों की संख्या रोजाना नए मरीज\n\n25 मार्च 606 42\n\n26 मार्च 694 88\n\n27 मार्च 724 30\n\n28 मार्च 918 194"
)
DAYS = {"bulletin": (BULLETIN, "2020-03-27"), "recap": (RECAP, "2020-04-07")}


def test_a_table_s_row_meets_the_bulletin_of_its_day() -> None:
    assert ("bulletin", "recap") in _linked(DAYS)


def test_row_not_background_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_match, "TABLE_ROW_NOT_BACKGROUND", False)
    assert ("bulletin", "recap") not in _linked(DAYS)  # eleven days old: background


def test_a_row_of_another_day_does_not_meet_the_bulletin() -> None:
    other = "देश में कोरोना संक्रमितों की संख्या 4421 हो गई है।"  # 7 April's own count
    assert ("other", "recap") not in _linked({"other": (other, "2020-03-27"), "recap": (RECAP, "2020-04-07")})


# --- a row does not keep out a report of its day that gives no figure at all ---

VAGUE = "कोरोना वायरस के मामले तेजी से बढ़ते जा रहे हैं और भारत में अब तक 600 से अधिक लोग संक्रमित हो चुके हैं।"
FULL = "देश में अब तक 694 मामलों की पुष्टि हो चुकी है। भारत में कोरोना के मामले बढ़ते जा रहे हैं और सरकार ने लोगों से घरों में रहने को कहा है।"
THREE = {"full": (FULL, "2020-03-26"), "vague": (VAGUE, "2020-03-26"), "recap": (RECAP, "2020-04-07")}


def test_a_row_and_a_report_with_no_figure_share_the_day_s_cluster() -> None:
    linked = _linked(THREE)
    assert {("full", "recap"), ("full", "vague"), ("recap", "vague")} <= linked


def test_row_soft_link_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_join, "ROW_SOFT_LINK", False)
    linked = _linked(THREE)
    assert ("recap", "vague") not in linked
    assert ("full", "recap") in linked  # the figure in common still joins


# --- "अमेरिका-यूरोप जैसा खतरा": a country in a comparison is not the country of the count ---


def _places(title: str, body: str) -> list[str | None]:
    rec = _record("x", body, "2020-03-16", title)
    return [e.location for e in rec.events if e.mode == "epidemic"]


BODY = "देश में कोरोना वायरस से पीड़ितों की संख्या 100 के पार पहुंच चुकी है। दो लोगों की मौत भी हो चुकी है।"


@pytest.mark.parametrize(
    "title",
    [
        "भारत पर नहीं है अमेरिका-यूरोप जैसा कोरोना का खतरा",
        "भारत में हालात इटली जैसे नहीं, विशेषज्ञ ने बताया",
        "भारत में संक्रमण की रफ्तार चीन की तुलना में धीमी",
        "भारत में हालात ईरान की तरह नहीं",
    ],
)
def test_a_country_named_in_a_comparison_is_not_the_country_of_the_count(title: str) -> None:
    assert _places(title, BODY) == ["India"]


def test_a_foreign_country_named_last_still_owns_the_count() -> None:
    assert _places("इटली में कोरोना का कहर", BODY) != ["India"]


# --- two large counts a slip apart are one bulletin told two ways ---


def _count(art: str, text: str) -> EventReport:
    ev = Event("DISASTER", "occurred", (), (), (Span(0, 5),), "epidemic", "India", None, None)
    return EventReport(art, 0, "2020-04-21", "s", ev, text)


def test_counts_a_slip_apart_are_one_bulletin() -> None:
    a = _count("a", "स्वास्थ्य मंत्रालय ने बताया कि पिछले 24 घंटे में देश में 1335 नए मामले सामने आए हैं।")
    b = _count("b", "पिछले 24 घंटे में देशभर में कोरोना वायरस के 1336 नए केस सामने आए हैं।")
    ok, why = compatible(a, b)
    assert ok and "case counts a slip apart" in why


def test_counts_further_apart_or_small_stay_two_bulletins() -> None:
    a = _count("a", "पिछले 24 घंटे में देश में 1335 नए मामले सामने आए हैं।")
    far = _count("b", "पिछले 24 घंटे में देश में 1340 नए मामले सामने आए हैं।")
    assert compatible(a, far) == (False, "different case counts")
    small = _count("c", "पिछले 24 घंटे में देश में 16 नए मामले सामने आए हैं।")
    other = _count("d", "पिछले 24 घंटे में देश में 17 नए मामले सामने आए हैं।")
    assert compatible(small, other) == (False, "different case counts")


def test_near_counts_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_match, "NEAR_COUNTS", False)
    a = _count("a", "पिछले 24 घंटे में देश में 1335 नए मामले सामने आए हैं।")
    b = _count("b", "पिछले 24 घंटे में देश में 1336 नए मामले सामने आए हैं।")
    assert compatible(a, b) == (False, "different case counts")


def test_rows_merge_alike_in_any_order_and_one_by_one() -> None:
    """A row's cluster does not depend on the order of ingestion (issue 6: incremental and order-free)."""
    from vaarta.crossdoc import update

    reports = []
    for aid, (body, published) in THREE.items():
        rec = _record(aid, body, published)
        reports += reports_from_record(aid, published, aid, rec)
    whole = sorted(c.reports for c in merge(reports))
    assert sorted(c.reports for c in merge(list(reversed(reports)))) == whole
    for order in (reports, list(reversed(reports))):
        clusters, seen = [], []
        for r in order:
            clusters = update(clusters, seen, [r])
            seen.append(r)
        assert sorted(c.reports for c in clusters) == whole
