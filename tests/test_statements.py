"""Issue 6, sixth session (crossdoc round 17): one speaker quoted by several articles published the
same day is one statement across articles (a cluster of type STATEMENT), in memory, in a real
SQLite store, on the command line, the API and the page. Hindi sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from vaarta import cli, crossdoc_statements, pipeline
from vaarta.crossdoc import STATEMENT, merge, multi_article, reports_from_record, statements_from_record
from vaarta.ingest import ingest_articles
from vaarta.model import Article, Record
from vaarta.store import open_store

PUB = "2020-04-10"
BRIEFING_A = (
    "जांच की क्षमता बढ़ी\n\nनई दिल्ली। स्वास्थ्य मंत्रालय के संयुक्त सचिव लव अग्रवाल ने शुक्रवार को कहा कि देश में जांच की क्षमता"
    " लगातार बढ़ाई जा रही है। उन्होंने कहा कि राज्यों को पर्याप्त किट भेजी गई हैं।"
)
BRIEFING_B = (
    "घबराएं नहीं: मंत्रालय\n\nनई दिल्ली। लव अग्रवाल ने संवाददाताओं से कहा, “घबराने की जरूरत नहीं है, जांच की क्षमता बढ़ी है और"
    " हम हर जिले पर नजर रख रहे हैं।” मंत्रालय ने राज्यों से सतर्क रहने को कहा।"
)
# the same speaker that day, about something else: no quoted word in common with BRIEFING_A
BRIEFING_C = "पत्रकारों से अपील\n\nनई दिल्ली। लव अग्रवाल ने कहा कि मीडियाकर्मी मैदान में उतरने से पहले मास्क पहनें।"
CHINA = "चीन का बयान\n\nबीजिंग। चीन ने कहा कि वह भारत के साथ बातचीत के लिए तैयार है। विदेश मंत्रालय ने कहा कि सीमा पर शांति जरूरी है।"
CHINA_2 = "बातचीत को तैयार चीन\n\nबीजिंग। चीन ने कहा कि सीमा पर तनाव कम करने के लिए वह हर कदम उठाएगा।"


def _record(aid: str, text: str, pub: str | None = PUB) -> Record:
    res = pipeline.load_resources()
    rec = pipeline.analyse_article(Article(id=aid, source=aid + ".txt", raw=text, title=text.split("\n")[0], published=pub), res)
    assert isinstance(rec, Record)
    return rec


def cli_listing(command: str, db: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, list[dict[str, Any]]]:
    """``vaarta COMMAND --db DB`` as printed, and the objects of ``--json`` (one per line)."""
    assert cli.main([command, "--db", db]) == 0
    out = capsys.readouterr().out
    assert cli.main([command, "--db", db, "--json"]) == 0
    return out, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _statements(*arts: tuple[str, str, str | None]) -> list[tuple[tuple[str, ...], set[str], str]]:
    reports = []
    for aid, text, pub in arts:
        rec = _record(aid, text, pub)
        reports += reports_from_record(aid, pub, aid, rec) + statements_from_record(aid, pub, aid, rec)
    return [(c.participants, set(c.articles), c.reason) for c in multi_article(merge(reports)) if c.type == STATEMENT]


def test_one_speaker_quoted_by_two_articles_of_one_day_is_one_statement() -> None:
    ((speaker, articles, reason),) = _statements(("a", BRIEFING_A, PUB), ("b", BRIEFING_B, PUB))
    assert speaker == ("Lav Agarwal",) and articles == {"a", "b"}
    assert reason == "same speaker, same publication day"


def test_the_same_speaker_on_another_day_is_another_statement() -> None:
    assert _statements(("a", BRIEFING_A, PUB), ("b", BRIEFING_B, "2020-04-11")) == []


def test_quotes_of_one_speaker_that_share_no_word_are_two_statements() -> None:
    assert _statements(("a", BRIEFING_A, PUB), ("c", BRIEFING_C, PUB)) == []
    ((_, articles, _),) = _statements(("a", BRIEFING_A, PUB), ("b", BRIEFING_B, PUB), ("c", BRIEFING_C, PUB))
    assert articles == {"a", "b"}


def test_flag_off_joins_quotes_that_share_no_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_statements, "SHARED_WORDS", False)
    ((_, articles, _),) = _statements(("a", BRIEFING_A, PUB), ("c", BRIEFING_C, PUB))
    assert articles == {"a", "c"}


def test_an_article_with_no_publication_date_gives_no_statement() -> None:
    assert statements_from_record("a", None, "a", _record("a", BRIEFING_A, None)) == []
    assert _statements(("a", BRIEFING_A, None), ("b", BRIEFING_B, None)) == []


def test_a_place_as_speaker_gives_no_statement() -> None:
    rec = _record("c", CHINA)
    assert any(q.speaker == "China" for q in rec.quotes)  # the quote is kept, with its speaker
    assert all(r.event.actors != ("China",) for r in statements_from_record("c", PUB, "c", rec))
    assert _statements(("c", CHINA, PUB), ("d", CHINA_2, PUB)) == []


def test_one_report_per_speaker_naming_the_first_quote_with_all_words() -> None:
    rec = _record("a", BRIEFING_A)
    (r,) = [r for r in statements_from_record("a", PUB, "a", rec) if r.event.actors == ("Lav Agarwal",)]
    quotes = [i for i, q in enumerate(rec.quotes) if q.speaker == "Lav Agarwal"]
    assert len(quotes) == 2 and r.index == quotes[0]
    assert "जांच की क्षमता" in (r.evidence_text or "") and "पर्याप्त किट" in (r.evidence_text or "")
    assert r.event.date == PUB and r.event.type == STATEMENT


def test_flag_off_merges_no_statements(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_statements, "STATEMENTS", False)
    assert _statements(("a", BRIEFING_A, PUB), ("b", BRIEFING_B, PUB)) == []


MEETING = "मोदी-पुतिन वार्ता\n\nप्रधानमंत्री नरेंद्र मोदी ने शुक्रवार को रूसी राष्ट्रपति व्लादिमीर पुतिन से फोन पर बात की। मोदी ने कहा कि भारत शांति के पक्ष में है।"
MEETING_2 = (
    "फोन पर बातचीत\n\nनरेंद्र मोदी और व्लादिमीर पुतिन ने शुक्रवार को फोन पर बातचीत की। मोदी ने कहा कि भारत बातचीत और शांति के पक्ष में है।"
)


def test_a_statement_and_an_event_of_the_same_index_are_both_kept() -> None:
    """A statement report's index names a quote, an event report's an event: index 0 of each in
    two articles makes two clusters with different ids, not one."""
    reports = []
    for aid, text in (("m1", MEETING), ("m2", MEETING_2)):
        rec = _record(aid, text)
        reports += reports_from_record(aid, PUB, aid, rec) + statements_from_record(aid, PUB, aid, rec)
    clusters = multi_article(merge(reports))
    types = sorted(c.type for c in clusters)
    assert types == ["CONSULT", STATEMENT], types
    ids = {c.type: c.id for c in clusters}
    assert ids["CONSULT"].startswith("e-") and ids[STATEMENT].startswith("s-")


def _articles() -> list[Article]:
    return [
        Article(id=aid, source=f"{aid}.txt", raw=text, title=text.split("\n")[0], published=PUB)
        for aid, text in (("a", BRIEFING_A), ("b", BRIEFING_B), ("m1", MEETING), ("m2", MEETING_2))
    ]


def _stored(db: str) -> list[dict]:  # type: ignore[type-arg]
    with open_store(db, readonly=True) as s:
        return [{k: c[k] for k in ("id", "type", "participants", "date", "articles")} for c in s.clusters()]


def test_statements_in_a_real_store_in_any_order(tmp_path: Path) -> None:
    arts = _articles()
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    with open_store(one) as s:
        summary = ingest_articles(arts, s)
        assert summary.merged_events == 1 and summary.merged_statements == 2
        counts = s.counts()
        assert counts["merged_events"] == 1 and counts["merged_statements"] == 2
        (lav,) = [c for c in s.clusters(kind="statements") if c["participants"] == ["Lav Agarwal"]]
        assert lav["articles"] == ["a", "b"] and lav["date"] == PUB
        words = {m["article_id"]: m["words"] for m in lav["reports"]}
        assert len(words["a"]) == 2 and words["a"][0].startswith("देश में जांच") and words["a"][1].startswith("राज्यों को")
        assert len(words["b"]) == 1 and "घबराने की जरूरत नहीं" in words["b"][0]
        assert [c["type"] for c in s.clusters(kind="events")] == ["CONSULT"]
        assert all("words" not in m for c in s.clusters(kind="events") for m in c["reports"])
    with open_store(two) as s:  # one article at a time, in reverse: incremental and order-free
        for a in reversed(arts):
            ingest_articles([a], s)
    assert sorted(_stored(one), key=str) == sorted(_stored(two), key=str)


def test_statements_on_the_command_line_api_and_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    with open_store(db) as s:
        ingest_articles(_articles()[:2], s)
    out, (c,) = cli_listing("statements", db, capsys)
    assert "Lav Agarwal" in out and "[2 articles]" in out and "घबराने की जरूरत नहीं" in out
    assert c["type"] == STATEMENT and c["id"].startswith("s-")
    assert cli.main(["events", "--merged", "--db", db]) == 0
    assert "Lav Agarwal" not in capsys.readouterr().out  # a statement is not an event
    out_file = tmp_path / "clusters.jsonl"
    assert cli.main(["export", "--format", "clusters", "--db", db, "-o", str(out_file)]) == 0
    assert [json.loads(x)["type"] for x in out_file.read_text(encoding="utf-8").splitlines()] == [STATEMENT]

    from vaarta.web import create_app

    with TestClient(create_app(db)) as client:
        body = client.get("/api/clusters", params={"kind": "statements"}).json()
        assert [c["participants"] for c in body["items"]] == [["Lav Agarwal"]]
        assert client.get("/api/clusters", params={"kind": "events"}).json()["items"] == []
        assert client.get("/api/clusters", params={"kind": "nonsense"}).status_code == 422
        page = client.get("/statements").text
        assert "Lav Agarwal" in page and "घबराने की जरूरत नहीं" in page and "#q-" in page
        assert "Lav Agarwal" not in client.get("/clusters").text


def test_a_forced_new_version_without_the_quote_dissolves_the_statement(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    a, b = _articles()[:2]
    with open_store(db) as s:
        assert ingest_articles([a, b], s).merged_statements == 1
        quiet = Article(id="b", source="b.txt", raw="मौसम\n\nराजधानी में बुधवार को हल्की बारिश हुई।", title="मौसम", published=PUB)
        summary = ingest_articles([quiet], s, force=True)
        assert summary.merged_statements == 0 and s.clusters(kind="statements") == []
        # nothing re-merged: the summary still tells what the store holds
        again = ingest_articles([a], s)
        assert again.already_stored == 1 and again.merged_statements == 0


def test_exported_statement_members_name_quotes_with_their_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.db")
    with open_store(db) as s:
        ingest_articles(_articles(), s)
    assert cli.main(["export", "--format", "clusters", "--db", db]) == 0
    by_type = {
        c["type"]: c for c in map(json.loads, capsys.readouterr().out.splitlines()) if c["participants"] != ["Narendra Modi"]
    }
    (m, _) = by_type[STATEMENT]["reports"]
    assert set(m) == {"article", "quote", "source", "words"} and m["words"]
    assert set(by_type["CONSULT"]["reports"][0]) == {"article", "event", "source"}


def test_statements_merged_day_by_day_equal_a_full_merge(tmp_path: Path) -> None:
    """An ingest re-merges only the publication days it touches (the days of its quotes, of replaced
    versions and of stored articles it makes copies): in any order, one article at a time, the
    statements equal those of one ingest of everything and of a full re-merge."""
    import itertools

    from vaarta.ingest import merge_events

    day2 = "2020-04-11"
    arts = [
        *_articles()[:2],
        Article(id="c", source="c.txt", raw=BRIEFING_A.replace("लगातार", "तेजी से"), title="जांच", published=day2),
        Article(id="d", source="d.txt", raw=BRIEFING_B, title="घबराएं नहीं", published=day2),
        # the text of a, published a day earlier: it is the original, a becomes its copy
        Article(id="e", source="e.txt", raw=BRIEFING_A, title="जांच की क्षमता बढ़ी", published="2020-04-09"),
    ]
    whole = str(tmp_path / "whole.db")
    with open_store(whole) as s:
        ingest_articles(arts, s)
        want = sorted(_stored(whole), key=str)
        merge_events(s)
        assert sorted(_stored(whole), key=str) == want
    assert [c["articles"] for c in want if c["type"] == STATEMENT] == [["c", "d"], ["a", "b"]]
    for n, order in enumerate(itertools.islice(itertools.permutations(arts), 0, None, 7)):
        db = str(tmp_path / f"o{n}.db")
        with open_store(db) as s:
            for a in order:
                ingest_articles([a], s)
        assert sorted(_stored(db), key=str) == want, [a.id for a in order]


def test_vaarta_merge_gives_an_older_store_its_statements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A store whose articles were merged before statements existed (simulated: its statement
    clusters removed) gets them from `vaarta merge`, with no article re-analysed."""
    db = str(tmp_path / "old.db")
    with open_store(db) as s:
        ingest_articles(_articles(), s)
        want = _stored(db)
        s.conn.execute("DELETE FROM cluster_members WHERE cluster_id LIKE 's-%'")
        s.conn.execute("DELETE FROM clusters WHERE type = 'STATEMENT'")
        s.conn.commit()
    assert cli.main(["merge", "--db", db]) == 0
    assert "statements quoted by several articles: 2" in capsys.readouterr().out
    assert sorted(_stored(db), key=str) == sorted(want, key=str)


def test_an_upgraded_store_gets_its_statements_at_the_next_ingest(tmp_path: Path) -> None:
    """The pending_merge migration marks a store written before it ("*"), so its next ingest, of
    any article, merges everything: statements of days it does not touch included."""
    db = str(tmp_path / "up.db")
    with open_store(db) as s:
        ingest_articles(_articles()[:2], s)
        s.conn.execute("DELETE FROM cluster_members WHERE cluster_id LIKE 's-%'")
        s.conn.execute("DELETE FROM clusters WHERE type = 'STATEMENT'")
        s.conn.execute("INSERT INTO pending_merge (article_id) VALUES ('*')")  # what the migration writes
        s.conn.commit()
        other = Article(id="w", source="w.txt", raw=CHINA, title="चीन का बयान", published="2020-05-02")
        assert ingest_articles([other], s).merged_statements == 1
        assert not s.merge_pending()
