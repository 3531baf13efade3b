"""Issue 6, seventh session (crossdoc round 18): one exact figure given by several articles published
the same day links them (a cluster of type FIGURE), in memory, in a real SQLite store, on the command
line, the API, the page and the export. Hindi sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_statements import _record, cli_listing
from vaarta import cli
from vaarta.crossdoc import FIGURE, figures_from_record, merge, multi_article, reports_from_record
from vaarta.crossdoc_figures import exact_figures, figure_reports, indian_grouping
from vaarta.ingest import ingest_articles
from vaarta.model import Article
from vaarta.store import open_store

PUB = "2020-04-17"
# one bulletin told by two outlets in different words: no case word in the same place, one shared figure
BULLETIN_A = "देश में तेरह हजार से ज्यादा मरीज\n\nनई दिल्ली। स्वास्थ्य मंत्रालय के ताजा आंकड़ों के मुताबिक देश में अब तक 13,387 लोग संक्रमित हो चुके हैं।"
BULLETIN_B = "कोरोना अपडेट\n\nनई दिल्ली। सरकारी आंकड़ों के अनुसार संक्रमण के मामले बढ़कर 13387 हो गए हैं और 437 लोगों की जान गई है।"
# the same day, other figures only: rounded, a threshold, an estimate, a year
ROUNDED = (
    "दुनिया का हाल\n\nदुनिया भर में मौतों का आंकड़ा 3,000 के पार पहुंच गया है। करीब 9,400 लोग निगरानी में हैं।"
    " 2020 में यह सबसे बड़ा संकट है। देश में 23,000 मामले हैं।"
)
TRAINS = "रेलवे का फैसला\n\nनई दिल्ली। भारतीय रेलवे ने जनता कर्फ्यू के दिन ३७०० ट्रेनें रद्द करने का फैसला लिया है।"
TRAINS_B = "कर्फ्यू के दिन\n\nनई दिल्ली। रविवार को 3,700 ट्रेनें नहीं चलेंगी, यात्रियों का पैसा लौटाया जाएगा।"


def _figures(*arts: tuple[str, str, str | None]) -> list[tuple[tuple[str, ...], set[str]]]:
    reports = []
    for aid, text, pub in arts:
        rec = _record(aid, text, pub)
        reports += reports_from_record(aid, pub, aid, rec) + figures_from_record(aid, pub, aid, rec)
    return [(c.participants, set(c.articles)) for c in multi_article(merge(reports)) if c.type == FIGURE]


def test_exact_figures_leave_out_round_threshold_estimated_numbers_and_years() -> None:
    assert [v for v, _, _ in exact_figures(ROUNDED)] == []
    assert [v for v, _, _ in exact_figures(BULLETIN_A)] == [13387]
    assert [v for v, _, _ in exact_figures("अब तक १,०७,००६ टेस्ट और 999 नमूने")] == [107006]  # Devanagari digits, lakh groups
    assert [v for v, _, _ in exact_figures("संख्या 4,421 से अधिक है, 4,789 हो गई")] == [4789]
    text = "कुल 18,601 मामले"
    ((v, s, e),) = exact_figures(text)
    assert text[s:e] == "18,601" and v == 18601


def test_commas_after_figures_whole_words_and_phone_numbers() -> None:
    """Review fixes: a figure followed by a comma is a figure (state lists), a threshold word must be a
    whole word, and helpline, phone and PIN numbers are no counts."""
    assert [v for v, _, _ in exact_figures("महाराष्ट्र में 3,202, दिल्ली में 1,640, गुजरात में 1,376")] == [3202, 1640, 1376]
    assert [v for v, _, _ in exact_figures("कुल मामले 13,387, मौतें 437; जुर्माना रु.1500")] == [13387, 1500]
    assert [v for v, _, _ in exact_figures("1,347 अधिकारियों को तैनात किया गया, पारस अस्पताल में 1,251 पारस")] == [1347, 1251]
    assert exact_figures("हेल्पलाइन नंबर 1075 और 011-23978046 पर, टोल फ्री 1800-180-1104, पिन 110001, 9876543210") == []
    assert [v for v, _, _ in exact_figures("3.5 फीसदी, 1234.5 किलो")] == []


def test_indian_grouping() -> None:
    assert [indian_grouping(v) for v in (999, 1000, 13387, 107006, 12345678)] == [
        "999",
        "1,000",
        "13,387",
        "1,07,006",
        "1,23,45,678",
    ]


def test_one_figure_report_per_distinct_figure_with_its_sentence() -> None:
    text = "पहला वाक्य। देश में 13,387 मामले हैं। फिर से 13387 का जिक्र।"
    (r,) = figure_reports("a", PUB, "a.txt", text)
    assert r.event.type == FIGURE and r.event.actors == ("13,387",) and r.event.date == PUB
    assert r.evidence_text == "देश में 13,387 मामले हैं" and text[r.index : r.index + 6] == "13,387"
    assert figure_reports("a", None, "a.txt", text) == []  # no publication day: nothing to link on


def test_one_exact_figure_of_one_day_links_two_articles() -> None:
    assert _figures(("a", BULLETIN_A, PUB), ("b", BULLETIN_B, PUB)) == [(("13,387",), {"a", "b"})]
    assert _figures(("t", TRAINS, PUB), ("u", TRAINS_B, PUB)) == [(("3,700",), {"t", "u"})]


def test_the_same_figure_on_another_day_or_only_rounded_numbers_link_nothing() -> None:
    assert _figures(("a", BULLETIN_A, PUB), ("b", BULLETIN_B, "2020-04-18")) == []
    assert _figures(("r", ROUNDED, PUB), ("s", ROUNDED.replace("दुनिया का हाल", "विश्व"), PUB)) == []


def _articles() -> list[Article]:
    return [
        Article(id=aid, source=aid + ".txt", raw=text, title=text.split("\n")[0], published=PUB)
        for aid, text in (("a", BULLETIN_A), ("b", BULLETIN_B), ("t", TRAINS), ("u", TRAINS_B), ("r", ROUNDED))
    ]


def _stored(db: str) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    with open_store(db, readonly=True) as s:
        return sorted((c["id"], c["type"], tuple(c["participants"]), tuple(c["articles"])) for c in s.clusters(limit=500))


def test_figures_in_a_real_store_in_any_order(tmp_path: Path) -> None:
    arts = _articles()
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    with open_store(one) as s:
        summary = ingest_articles(arts, s)
        assert summary.merged_figures == 2 and s.counts()["merged_figures"] == 2
        figs = {tuple(c["participants"]): c for c in s.clusters(kind="figures")}
        assert set(figs) == {("13,387",), ("3,700",)}
        words = {m["article_id"]: m["words"] for m in figs[("13,387",)]["reports"]}
        assert words["a"] == ["स्वास्थ्य मंत्रालय के ताजा आंकड़ों के मुताबिक देश में अब तक 13,387 लोग संक्रमित हो चुके हैं"]
        assert "13387 हो गए हैं" in words["b"][0]
        assert all(c["type"] != FIGURE for c in s.clusters(kind="events"))
    with open_store(two) as s:  # one article at a time, in reverse: incremental and order-free
        for a in reversed(arts):
            ingest_articles([a], s)
    assert _stored(one) == _stored(two)


def test_a_replaced_article_takes_its_figure_away(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    with open_store(db) as s:
        ingest_articles(_articles()[:2], s)
        assert s.counts()["merged_figures"] == 1
        changed = Article(id="b", source="b.txt", raw=BULLETIN_B.replace("13387", "13835"), title="कोरोना अपडेट", published=PUB)
        ingest_articles([changed], s, force=True)
        assert s.counts()["merged_figures"] == 0


def test_figures_on_the_command_line_api_page_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "f.db")
    with open_store(db) as s:
        ingest_articles(_articles()[:2], s)
    out, (c,) = cli_listing("figures", db, capsys)
    assert "13,387" in out and "[2 articles]" in out and "13387 हो गए हैं" in out
    assert c["type"] == FIGURE and c["id"].startswith("f-")
    out_file = tmp_path / "clusters.jsonl"
    assert cli.main(["export", "--format", "clusters", "--db", db, "-o", str(out_file)]) == 0
    (exported,) = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines() if json.loads(x)["type"] == FIGURE]
    member = next(m for m in exported["reports"] if m["article"] == "a")
    assert set(member) == {"article", "offset", "source", "words"} and "13,387" in member["words"][0]

    from vaarta.web import create_app

    with TestClient(create_app(db)) as client:
        body = client.get("/api/clusters", params={"kind": "figures"}).json()
        assert [c["participants"] for c in body["items"]] == [["13,387"]]
        assert all(c["type"] != FIGURE for c in client.get("/api/clusters", params={"kind": "events"}).json()["items"])
        page = client.get("/figures").text
        assert "13,387" in page and "13387 हो गए हैं" in page
        assert client.get("/api/stats").json()["counts"]["merged_figures"] == 1
