"""Crossdoc round 25 (fourteenth session) (issue 6): a common-word place name joined by a hyphen to a
word that is no place (झुग्गी-बस्ती "slum") is the common word, not the district. Hindi sentences
written for these tests."""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from vaarta import entities_gazetteer, pipeline
from vaarta.crossdoc import merge, multi_article, reports_from_record
from vaarta.model import Article, Record, Resources


@cache
def _res() -> Resources:
    return pipeline.load_resources()


def _record(aid: str, body: str, published: str = "2020-04-07") -> Record:
    art = Article(id=aid, source=aid, raw="कोरोना अपडेट\n" + body, title="कोरोना अपडेट", published=published)
    rec = pipeline.analyse_article(art, _res())
    assert isinstance(rec, Record)
    return rec


def _places(rec: Record) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in rec.entities if e.type == "LOC"}


SLUM = "मेरठ में जांच तेज की गई है । मुंबई के झुग्गी-बस्ती इलाके में संक्रमित लोगों की संख्या बढ़कर सात हो गई है ।"
BASTI = "कोरोना से मेरठ, बस्ती और वाराणसी में एक-एक मरीज की मौत हुई है ।"


def test_slum_is_not_basti_district() -> None:
    places = _places(_record("a", SLUM))
    assert "Basti district" not in places
    assert "Mumbai" in places and "Meerut" in places
    events = [e for e in _record("a", SLUM).events if e.type == "DISASTER"]
    assert {e.location for e in events} == {"Mumbai"}


def test_basti_in_a_list_of_up_districts_is_still_the_district() -> None:
    places = _places(_record("b", BASTI))
    assert places.get("Basti district") == ["बस्ती"]
    assert {e.location for e in _record("b", BASTI).events} >= {"Meerut", "Basti district", "Varanasi"}


def test_hyphen_compounds() -> None:
    # a place joined to a place keeps both; a place leads its own compound (कल्याण-डोंबिवली);
    # जन-कल्याण ("public welfare") is no place
    places = _places(_record("c", "मेरठ और ठाणे के बीच दिल्ली-कल्याण मार्ग पर जांच चौकी बनी है ।"))
    assert "Delhi" in places and "Kalyan" in places
    places = _places(_record("d", "ठाणे के पास कल्याण-डोंबिवली में नए मामले मिले । मेरठ में जन-कल्याण योजना शुरू हुई ।"))
    assert places.get("Kalyan") == ["कल्याण"]


@pytest.mark.parametrize("on", [True, False])
def test_flag_keeps_a_slum_apart_from_basti(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    """With the flag off, the Mumbai slum's count reads as Basti's and meets Basti's deaths."""
    monkeypatch.setattr(entities_gazetteer, "HYPHEN_COMMON_WORD", on)
    a, b = _record("slum", SLUM), _record("basti", BASTI)
    reports = reports_from_record("slum", "2020-04-07", "slum", a) + reports_from_record("basti", "2020-04-07", "basti", b)
    pairs = {p for c in multi_article(merge(reports)) for p in itertools.combinations(sorted({x for x, _ in c.reports}), 2)}
    assert (("basti", "slum") in pairs) is (not on)
