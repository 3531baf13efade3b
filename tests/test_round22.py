"""Crossdoc round 22 (eleventh session) (issue 6): a forecast of counts is no bulletin, and two acts
of speech by different speakers are two acts. Hindi sentences written for these tests."""

from __future__ import annotations

import pytest

from vaarta import crossdoc_match
from vaarta.crossdoc import EventReport, compatible
from vaarta.model import Event, Span

INSIDE = {"Uttar Pradesh": "India"}


def _count(art: str, status: str, date: str | None, text: str, published: str = "2020-04-23") -> EventReport:
    ev = Event("DISASTER", status, (), (), (Span(0, 5),), "epidemic", "India", date)  # type: ignore[arg-type]
    return EventReport(art, 0, published, "s", ev, text)


FORECAST = _count("a", "possible", "2020-09", "सितंबर के आखिर तक देश में संक्रमण के मामले बढ़कर दस करोड़ तक जा सकते हैं।")
COUNT = _count("b", "occurred", "2020-04-23", "गुरुवार को देश में 1,755 नए मामले सामने आए।", "2020-04-25")


def test_a_forecast_of_counts_is_not_the_count_of_a_day() -> None:
    ok, why = compatible(FORECAST, COUNT, INSIDE)
    assert not ok and why == "a forecast and a count"


def test_forecast_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_match, "FORECAST_APART", False)
    assert compatible(FORECAST, COUNT, INSIDE)[0]  # the round-21 verdict: planned, then occurred


def test_two_forecasts_may_still_be_one() -> None:
    other = _count("c", "possible", "2020-09", "अध्ययन के अनुसार सितंबर तक मामले दस करोड़ हो सकते हैं।")
    assert compatible(FORECAST, other, INSIDE)[0]


def _appeal(art: str, actors: tuple[str, ...], recipients: tuple[str, ...], text: str, date: str = "2020-03-20") -> EventReport:
    ev = Event("REQUEST", "occurred", actors, recipients, (Span(0, 5),), None, None, date)
    return EventReport(art, 0, "2020-03-20", "s", ev, text)


PM = _appeal("a", ("Narendra Modi",), (), "प्रधानमंत्री ने देशवासियों से रविवार को घर में रहने की अपील की।")
LEADER = _appeal("b", ("P. Chidambaram",), ("Narendra Modi",), "चिदंबरम ने प्रधानमंत्री से कुछ हफ्तों के लिए सब कुछ बंद करने की मांग की।")


def test_two_speakers_make_two_requests() -> None:
    # the participants nest ({Modi} within {Chidambaram, Modi}), yet the speakers differ
    ok, why = compatible(PM, LEADER)
    assert not ok and why == "different speakers"


def test_speakers_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc_match, "SPEAKERS_APART", False)
    assert compatible(PM, LEADER)[0]


def test_one_speaker_told_twice_is_one_request() -> None:
    again = _appeal("c", ("Narendra Modi",), ("India",), "मोदी ने लोगों से घरों में रहने का आग्रह किया।")
    assert compatible(PM, again)[0]


def test_talks_are_not_acts_of_speech() -> None:
    # a call is one event whichever side the outlets name as its actor
    a = Event("CONSULT", "occurred", ("Narendra Modi",), ("Donald Trump",), (Span(0, 5),), "phone", None, "2020-04-04")
    b = Event("CONSULT", "occurred", ("Donald Trump",), ("Narendra Modi",), (Span(0, 5),), "phone", None, "2020-04-04")
    ra = EventReport("a", 0, "2020-04-05", "s", a, "मोदी ने ट्रंप से फोन पर बात की।")
    rb = EventReport("b", 0, "2020-04-05", "s", b, "ट्रंप ने मोदी से फोन पर बातचीत की।")
    assert compatible(ra, rb)[0]


# --- a hedge in a relative clause does not make the event possible (events stage) ---


def test_a_hedge_in_a_relative_clause_leaves_the_event_occurred() -> None:
    from vaarta import pipeline
    from vaarta.model import Article

    t = "शुक्रवार को देश में कोरोना से 54 मौतें हुईं जो संभवतः एक दिन में अब तक का सबसे बड़ा आंकड़ा है।"
    art = Article(id="x", source="x", raw="कोरोना अपडेट\n" + t, title="कोरोना अपडेट", published="2020-04-25")
    rec = pipeline.analyse_article(art, pipeline.load_resources())
    [d] = [e for e in rec.events if e.type == "DISASTER"]  # type: ignore[union-attr]
    assert (d.status, d.date) == ("occurred", "2020-04-24")  # not a possible event next Friday


def test_status_clause_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaarta import events_roles
    from vaarta.events_lexicon import load_lexicon

    lex = load_lexicon()
    t = "54 मौतें हुईं जो संभवतः सबसे बड़ा आंकड़ा है"
    start = t.index("मौतें")
    assert events_roles.status_of(t, start, start + 5, len(t), lex) == "occurred"
    monkeypatch.setattr(events_roles, "STATUS_STOPS_AT_CLAUSE", False)
    assert events_roles.status_of(t, start, start + 5, len(t), lex) == "possible"


# --- the day's deaths are no toll to compare with a total (crossdoc) ---


def _iran(art: str, killed: int, text: str) -> EventReport:
    ev = Event("DISASTER", "occurred", (), (), (Span(0, 5),), "epidemic", "Iran", None, killed)
    return EventReport(art, 0, "2020-03-10", "s", ev, text)


DAY_DEATHS = _iran("a", 43, "ईरान ने सोमवार को कहा कि पिछले 24 घंटे में कोरोना से और 43 लोगों की मौत हो गई।")
TOTAL = _iran("b", 237, "ईरान में अब तक 237 लोगों की मौत हो चुकी है।")


def test_new_deaths_are_read() -> None:
    from vaarta.crossdoc_counts import new_deaths

    assert new_deaths(DAY_DEATHS.evidence_text or "", 43)
    assert new_deaths("देश में 1,043 नई मौतें दर्ज की गईं", 1043)
    assert new_deaths("पिछले 24 घंटे में 47 लोगों की मौत हुई", 47)
    assert not new_deaths(TOTAL.evidence_text or "", 237)
    assert not new_deaths("और 43 लोगों की मौत", 4)  # the number must be the toll itself


def test_the_days_deaths_and_a_total_may_be_one_bulletin() -> None:
    assert compatible(DAY_DEATHS, TOTAL)[0]


def test_new_deaths_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaarta import crossdoc_counts

    monkeypatch.setattr(crossdoc_counts, "NEW_DEATHS_APART", False)
    assert compatible(DAY_DEATHS, TOTAL) == (False, "different tolls")


def test_two_totals_that_differ_are_still_two_bulletins() -> None:
    other = _iran("c", 194, "ईरान में अब तक 194 लोगों की मौत हो चुकी है।")
    assert not compatible(TOTAL, other)[0]


def test_the_days_deaths_are_no_contradiction_of_the_toll() -> None:
    from vaarta.crossdoc import merge, multi_article

    [c] = multi_article(merge([DAY_DEATHS, TOTAL]))
    assert [x.field for x in c.contradictions] == []
    other = _iran("c", 194, "ईरान में अब तक 194 लोगों की मौत हो चुकी है।")  # two totals: still flagged when merged
    from vaarta.crossdoc import _contradictions

    assert [x.field for x in _contradictions([TOTAL, other], {})] == ["killed"]


# --- a question tells nothing (events stage) ---


def test_a_question_gives_no_event() -> None:
    from vaarta.events_rules import question

    assert question("फिलहाल देश में कुल कितने केस की पुष्टि?")
    assert question("भारत में कोरोना से पहली मौत कब और कहां हुई?")
    assert not question("कोरोना: एक दिन में 773 नए मामले, दवा की कमी तो नहीं होगी?")  # no question word
    assert not question("देश में कितने लोग संक्रमित हैं, यह अभी साफ नहीं है।")  # not asked
    assert not question("सरकार ने 21 दिन का लॉकडाउन घोषित किया, लेकिन क्या यह काफी है?")  # a statement first


def test_a_question_sentence_yields_no_count_but_the_next_does() -> None:
    from vaarta import pipeline
    from vaarta.model import Article

    t = "भारत में कोरोना वायरस से पहली मौत कब और कहां हुई? देश में कोरोना के कुल मामले बढ़कर 27892 हो गए हैं।"
    art = Article(id="x", source="x", raw="कोरोना अपडेट\n" + t, title="कोरोना अपडेट", published="2020-04-27")
    rec = pipeline.analyse_article(art, pipeline.load_resources())
    evs = [e for e in rec.events if e.type == "DISASTER"]  # type: ignore[union-attr]
    texts = [rec.document.text[s.start : s.end] for e in evs for s in e.evidence]  # type: ignore[union-attr]
    assert evs and not any("कब" in x for x in texts)


def test_question_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaarta import events_rules

    monkeypatch.setattr(events_rules, "QUESTIONS_TELL_NOTHING", False)
    assert not events_rules.question("फिलहाल देश में कुल कितने केस की पुष्टि?")
