"""Merging events across articles: order independence, the seeds' two meetings, contradictions."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest_crossdoc import epidemic_report
from vaarta import corpora
from vaarta.crossdoc import (
    EventReport,
    blocking_key,
    compatible,
    merge,
    multi_article,
    place_hierarchy,
    reports_from_record,
    statements_from_record,
    update,
)
from vaarta.crossdoc_eval import (
    annotator_agreement,
    negative_violations,
    score_cluster_sets,
    score_clusters,
    score_duplicates,
)
from vaarta.model import Event, Span

SHARED = Path(os.environ.get("VAARTA_SHARED", Path(__file__).parents[1].parent / "shared"))
GOLD = Path(__file__).parents[1] / "eval" / "clusters" / "covid-gold.jsonl"


def rep(
    art: str,
    typ: str = "CONSULT",
    who: tuple[str, ...] = ("Xi Jinping", "Vladimir Putin"),
    date: str | None = None,
    pub: str | None = "2021-12-15",
    status: str = "occurred",
    loc: str | None = None,
    killed: int | None = None,
    index: int = 0,
) -> EventReport:
    ev = Event(
        type=typ,
        status=status,
        actors=who[:1],
        recipients=who[1:],  # type: ignore[arg-type]
        evidence=(Span(0, 5),),
        mode="video",
        location=loc,
        date=date,
        killed=killed,
    )
    return EventReport(art, index, pub, f"{art}.txt", ev)


def test_seed_meetings_four_years_apart_stay_two_events() -> None:
    a = rep("seed-2021", date="2021-12-15", pub="2021-12-15")
    b = rep("seed-2017", date="2017-12-15", pub="2017-12-15")
    c = rep("other-2021", date=None, pub="2021-12-16")  # an undated report of the 2021 meeting
    clusters = merge([a, b, c])
    multi = multi_article(clusters)
    assert len(multi) == 1
    assert set(multi[0].articles) == {"seed-2021", "other-2021"}
    assert multi[0].date == "2021-12-15"
    assert "same participants" in multi[0].reason
    # even undated, a report four years later does not join the 2021 meeting
    assert not compatible(rep("x", pub="2025-12-15"), a)[0]


def test_planned_then_occurred_merges() -> None:
    planned = rep("a", status="planned", date=None, pub="2021-12-13")
    held = rep("b", date="2021-12-15", pub="2021-12-16")
    ok, why = compatible(planned, held)
    assert ok and "planned" in why
    assert len(multi_article(merge([planned, held]))) == 1


def test_week_contains_day_and_different_days_apart() -> None:
    wk = rep("a", date="2021-W50", pub="2021-12-17")
    day = rep("b", date="2021-12-15", pub="2021-12-17")
    far = rep("c", date="2021-12-25", pub="2021-12-26")
    assert compatible(wk, day)[0]
    assert not compatible(day, far)[0]


def test_contradictions_recorded_with_each_reading() -> None:
    who = ("जयपुर नगर निगम",)
    a = rep("a", typ="DISASTER", who=(), loc="Jaipur", date="2020-07-11", pub="2020-07-12", killed=2)
    b = rep("b", typ="DISASTER", who=(), loc="Jaipur", date="2020-07-11", pub="2020-07-12", killed=3)
    c = rep("c", typ="DISASTER", who=who, loc="Rajasthan", date="2020-07", pub="2020-07-12")
    clusters = multi_article(merge([a, b, c], inside={"Jaipur": "Rajasthan"}))
    assert len(clusters) == 1
    cl = clusters[0]
    by = {x.field: x.readings for x in cl.contradictions}
    assert by["killed"] == ((2, "a"), (3, "b"))
    # Jaipur lies in Rajasthan, and 11 July in July: more precise, not a disagreement
    assert set(by) == {"killed"}
    assert cl.location == "Jaipur" and cl.date == "2020-07-11"
    out = cl.to_json()
    assert out["articles"] == ["a", "b", "c"] and out["type"] == "DISASTER" and out["reason"]


def test_no_participants_and_no_place_never_merge() -> None:
    a = rep("a", typ="PROTEST", who=(), date="2020-07-11")
    b = rep("b", typ="PROTEST", who=(), date="2020-07-11")
    assert multi_article(merge([a, b])) == []


def test_complete_link_keeps_vague_report_from_chaining() -> None:
    a = rep("a", date="2021-12-14", pub="2021-12-14")
    b = rep("b", date=None, pub="2021-12-16")
    c = rep("c", date="2021-12-16", pub="2021-12-16")
    for cl in merge([a, b, c]):
        assert not {"a", "c"} <= set(cl.articles)


_NAMES = ["Narendra Modi", "Arvind Kejriwal", "Yogi Adityanath", "Uddhav Thackeray"]


def _day(offset: int) -> str:
    return (dt.date(2020, 3, 20) + dt.timedelta(days=offset)).isoformat()


_report = st.builds(
    lambda art, i, typ, who, day, dated, loc: rep(
        f"art{art}",
        typ=typ,
        who=tuple(who),
        index=i,
        date=_day(day) if dated else None,
        pub=_day(day + 1),
        loc=loc,
    ),
    st.integers(0, 6),
    st.integers(0, 2),
    st.sampled_from(["MEET", "STATEMENT"]),
    st.lists(st.sampled_from(_NAMES), max_size=3, unique=True),
    st.integers(0, 45),  # 20 March to 4 May 2020: seven weeks, two month ends
    st.booleans(),
    st.sampled_from([None, "Delhi", "Mumbai"]),
)


def _dedupe(reps: list[EventReport]) -> list[EventReport]:
    seen: dict[tuple[str, int], EventReport] = {}
    for r in reps:
        seen.setdefault((r.article_id, r.index), r)
    return list(seen.values())


@settings(max_examples=60, deadline=None)
@given(st.lists(_report, max_size=14), st.randoms(use_true_random=False))
def test_merge_is_independent_of_input_order(reps: list[EventReport], rnd) -> None:  # type: ignore[no-untyped-def]
    reps = _dedupe(reps)
    shuffled = list(reps)
    rnd.shuffle(shuffled)
    assert merge(reps) == merge(shuffled)


@settings(max_examples=60, deadline=None)
@given(st.lists(_report, max_size=14), st.lists(_report, max_size=8))
def test_incremental_update_equals_merging_all(a: list[EventReport], b: list[EventReport]) -> None:
    keys_a = {(r.article_id, r.index) for r in a}
    a = _dedupe(a)
    b = [r for r in _dedupe(b) if (r.article_id, r.index) not in keys_a]
    b = [EventReport(r.article_id + "b", r.index, r.published, r.source, r.event) for r in b]
    at_once = merge(a + b)
    assert update(merge(a), a, b) == at_once
    assert update(merge(b), b, a) == at_once
    # one report at a time, as the store receives articles
    step: list[EventReport] = []
    clusters = merge([])
    for r in b:
        clusters = update(clusters, step, [r])
        step.append(r)
    assert clusters == merge(b)


def test_blocking_key_is_type_and_anchor_week() -> None:
    assert blocking_key(rep("a", date="2021-12-15")) == "CONSULT|2021-12-13"  # a Wednesday
    assert blocking_key(rep("a", date=None, pub="2021-11-30")) == "CONSULT|2021-11-29"
    assert blocking_key(rep("a", date="2021", pub="2021-06-02")) == "CONSULT|2021-05-31"
    # "last month" told on 1 April is filed at the end of March, next to its day reports
    assert blocking_key(rep("a", date="2020-03", pub="2020-04-01")) == "CONSULT|2020-03-30"
    assert blocking_key(rep("a", date=None, pub=None)) == "CONSULT|undated"


def test_reports_across_a_month_end_merge() -> None:
    a = rep("a", date="2020-03-31", pub="2020-03-31")
    b = rep("b", date=None, pub="2020-04-01")  # undated: anchored at publication, next month
    c = rep("c", date="2020-04-03", pub="2020-04-03")  # two days after a: another call
    multi = multi_article(merge([a, b, c]))
    assert [cl.articles for cl in multi] == [("a", "b")]
    # a Sunday and the Monday after lie in different weeks: they still meet
    assert multi_article(merge([rep("d", date="2020-03-29", pub="2020-03-29"), rep("e", date=None, pub="2020-03-30")]))


def test_contradictions_only_for_real_disagreements() -> None:
    a = rep("a", who=("Narendra Modi", "Shinzo Abe"), date="2020-03-13", pub="2020-03-14")
    b = rep("b", who=("Narendra Modi",), date="2020-03", pub="2020-03-14")  # subset, coarser date
    (cl,) = multi_article(merge([a, b]))
    assert cl.contradictions == ()
    c = rep("c", who=("Narendra Modi", "Shinzo Abe", "Scott Morrison"), date="2020-03-14", pub="2020-03-14")
    d = rep("d", who=("Narendra Modi", "Shinzo Abe", "Jacinda Ardern"), date="2020-03-14", pub="2020-03-14")
    (cl,) = multi_article(merge([c, d]))
    by = {x.field: x.readings for x in cl.contradictions}
    assert set(by) == {"participants"}
    # readings keep the names as reported, not folded
    assert by["participants"] == (
        (("Jacinda Ardern", "Narendra Modi", "Shinzo Abe"), "d"),
        (("Narendra Modi", "Scott Morrison", "Shinzo Abe"), "c"),
    )


def test_pairwise_scores() -> None:
    gold = [
        {"event": "x", "articles": ["a", "b", "c"]},
        {"negative": ["a", "d"], "why": "two states"},
        {"duplicates": ["b", "e"]},
    ]
    system = [{"articles": ["a", "b"]}, {"articles": ["c", "d"]}]
    p, r, _ = score_clusters(gold, system)
    assert (p, round(r, 3)) == (0.5, 0.333)
    assert negative_violations(gold, [{"articles": ["a", "d"]}]) == [("a", "d", "two states")]
    assert score_duplicates(gold, {"e": "b", "c": None}) == (1.0, 1.0, 1.0)


def test_pooled_sets_count_only_pairs_within_one_set() -> None:
    one = [{"event": "x", "articles": ["a", "b"]}]
    two = [{"event": "y", "articles": ["c", "d"]}]
    system = [{"articles": ["a", "b", "c"]}, {"articles": ["d"]}]
    # a-c and b-c join articles of two sets: judged by no annotator, not counted
    assert score_cluster_sets([one, two], system) == (1.0, 0.5, 2 / 3)
    # pooled into one set they are false pairs
    p, r, _ = score_clusters(one + two, system)
    assert (round(p, 3), r) == (0.333, 0.5)


def test_annotator_agreement_is_pairwise_and_leaves_copies_out() -> None:
    first = [{"event": "x", "articles": ["a", "b", "c"]}, {"duplicates": ["c", "e"]}]
    second = [{"event": "x", "articles": ["a", "b"]}, {"event": "y", "articles": ["c", "d"]}]
    # first: a-b a-c b-c (+ e as c's copy: a-e b-e); second: a-b c-d; c-e is a copy pair
    p, r, f = annotator_agreement(first, second, {"a", "b", "c", "d", "e"})
    assert (p, r, round(f, 3)) == (0.5, 0.2, 0.286)
    assert annotator_agreement(second, second) == (1.0, 1.0, 1.0)


@pytest.mark.skipif(not (SHARED / corpora.COVID_DIR).is_dir(), reason="../shared/data/covid-hindi-news absent")
def test_cluster_gold_resolves_against_corpus() -> None:
    gold = corpora.gold_cluster_refs(GOLD, SHARED)
    assert sum(int(g["unresolved"]) for g in gold) == 0  # type: ignore[call-overload]
    events = [g for g in gold if "articles" in g]
    assert len(events) >= 10 and all(len(g["articles"]) >= 2 for g in events)  # type: ignore[arg-type]
    days = {i.split(":")[2] for g in events for i in g["articles"]}  # type: ignore[union-attr]
    outlets = {i.split(":")[1] for g in events for i in g["articles"]}  # type: ignore[union-attr]
    assert len(days) >= 3 and outlets == corpora.OUTLET_CODES


@pytest.mark.skipif(not (SHARED / corpora.COVID_DIR).is_dir(), reason="../shared/data/covid-hindi-news absent")
def test_every_gold_set_and_second_annotation_resolves() -> None:
    files = sorted((GOLD.parents[1] / "clusters").glob("*.jsonl")) + sorted((GOLD.parents[1] / "agreement").glob("*.jsonl"))
    assert len(files) >= 16
    for f in files:
        gold = corpora.gold_cluster_refs(f, SHARED)
        assert sum(int(g["unresolved"]) for g in gold) == 0, f.name  # type: ignore[call-overload]
        assert all(len(set(g["articles"])) >= 2 for g in gold if "articles" in g), f.name  # type: ignore[arg-type]


@pytest.mark.skipif(not (SHARED / corpora.COVID_DIR).is_dir(), reason="../shared/data/covid-hindi-news absent")
def test_covid_reader_ids_and_dates() -> None:
    arts = list(corpora.covid_articles(SHARED))
    assert len(arts) > 500
    ids = [a.id for a in arts]
    assert len(set(ids)) == len(ids)
    apr = [a for a in arts if a.id.startswith("covid:DH:20200409:")]
    assert apr and all(a.published == "2020-04-09" for a in apr)  # file is DH-2020-ARP-09.txt
    assert all(a.raw.split("\n", 1)[0] == a.title for a in arts)


def _epi(art: str, place: str, published: str, killed: int | None = None) -> EventReport:
    return epidemic_report(art, None, place, published, killed=killed, source=art)


def test_epidemic_updates_merge_by_exact_place_and_day() -> None:
    same = compatible(_epi("a", "Delhi", "2020-03-02"), _epi("b", "Delhi", "2020-03-02"), {"delhi": "india"})
    assert same[0]
    # Delhi's count is not India's, even when the caller says Delhi lies in India
    assert not compatible(_epi("a", "Delhi", "2020-03-02"), _epi("b", "India", "2020-03-02"), {"delhi": "india"})[0]
    # undated daily updates two days apart are two updates
    assert not compatible(_epi("a", "Delhi", "2020-03-02"), _epi("b", "Delhi", "2020-03-04"))[0]
    # cumulative tolls that differ are different bulletins
    assert not compatible(_epi("a", "India", "2020-04-01", 38), _epi("b", "India", "2020-04-01", 59))[0]
    flood = Event(
        type="DISASTER", status="occurred", actors=(), recipients=(), evidence=(Span(0, 5),), mode="flood", location="Delhi"
    )
    assert not compatible(_epi("a", "Delhi", "2020-03-02"), EventReport("b", 0, "2020-03-02", "b", flood))[0]


DEMO_EXPECT = Path(__file__).parent / "golden" / "demo_expectations.json"


def test_demo_corpus_merges_its_multi_outlet_events(tmp_path: Path) -> None:
    """Through the store: the India–Japan summit (01/02/j2) and the Chamoli earthquake
    (03/04/j1, the district in one report, its state in another) are each one event, with
    the two death tolls kept as a contradiction; the hard negatives stay apart."""
    import json
    from importlib import resources

    from vaarta.ingest import ingest
    from vaarta.store import open_store

    expect = json.loads(DEMO_EXPECT.read_text(encoding="utf-8"))
    with (
        resources.as_file(resources.files("vaarta").joinpath("demo", "articles")) as path,
        open_store(str(tmp_path / "demo.db")) as store,
    ):
        ingest([str(path)], store)
        ids = {}
        for rec in store.iter_records():
            name = f"12_agency_feed.jsonl#{rec['id']}" if rec["id"].startswith("demo-") else Path(rec["source"]).name
            ids[name] = rec["id"]
        clusters = store.clusters(min_articles=2)
    groups = [set(c["articles"]) for c in clusters]
    for names in expect["clusters"]:
        want = {ids[n] for n in names}
        assert any(want <= g for g in groups), names
    for a, b in expect["negatives"]:
        assert not any({ids[a], ids[b]} <= g for g in groups), (a, b)
    for con in expect["contradictions"]:
        arts = {ids[n] for n in con["articles"]}
        found = [
            {r["value"] for r in x["readings"]}
            for c in clusters
            if arts <= set(c["articles"])
            for x in c["contradictions"]
            if x["field"] == con["field"]
        ]
        assert set(con["values"]) in found, con
    # only real disagreements: no participant, date or place "contradiction" in the summit
    summit = {ids[n] for n in expect["clusters"][0]}
    for c in clusters:
        if summit <= set(c["articles"]):
            assert not {x["field"] for x in c["contradictions"]} & {"participants", "date", "location"}


def test_place_nesting_from_the_knowledge_base() -> None:
    quake = {"typ": "DISASTER", "who": (), "date": "2026-03-22", "pub": "2026-03-23"}
    district = rep("a", loc="Chamoli district", killed=12, **quake)  # type: ignore[arg-type]
    state = rep("b", loc="Uttarakhand", killed=14, **quake)  # type: ignore[arg-type]
    other = rep("c", loc="Bihar", **quake)  # type: ignore[arg-type]
    ok, why = compatible(district, state, place_hierarchy())
    assert ok and "one location inside the other" in why
    (cl,) = multi_article(merge([district, state, other]))
    assert cl.articles == ("a", "b")
    assert {x.field for x in cl.contradictions} == {"killed"}  # the district lies in the state
    assert not multi_article(merge([district, state], inside={}))  # no nesting asked for
    # a place written with its state ("बांदा, उत्तर प्रदेश") nests in that state
    assert compatible(rep("d", loc="Banda, Uttar Pradesh", **quake), rep("e", loc="Uttar Pradesh", **quake), {})[0]  # type: ignore[arg-type]


# Floor on the covid cluster gold end to end (bench/bench_crossdoc.py e2e; measured 0.780 on
# covid-gold.jsonl in round 7, 0.787 in round 6, 0.793 in round 8, 0.901 with statements in round 17
# (0.870 without them); docs/crossdoc.md). Kept below measured - 0.02 while the event stage changes
# under it. Raise as it improves. 0.86 since round 23: table rows (events_tables) link NT 2 Mar's
# table row "ईरान 978 50" to DH 2 Mar's Iranian count of 978 (twice), an event the set does not list.
E2E_F1_FLOOR = 0.86


@pytest.mark.skipif(not (SHARED / corpora.COVID_DIR).is_dir(), reason="../shared/data/covid-hindi-news absent")
def test_covid_cluster_gold_end_to_end_floor() -> None:
    from vaarta.model import Rejection
    from vaarta.pipeline import analyse_article, load_resources

    gold = corpora.gold_cluster_refs(GOLD, SHARED)
    days = {i.split(":")[2] for g in gold for k in ("articles", "negative") for i in g.get(k, [])}  # type: ignore[union-attr]
    res = load_resources()
    reports: list[EventReport] = []
    for a in corpora.covid_articles(SHARED):
        if a.id.split(":")[2] not in days:
            continue
        rec = analyse_article(a, res)
        if not isinstance(rec, Rejection):
            reports.extend(reports_from_record(a.id, a.published, a.source, rec))
            reports.extend(statements_from_record(a.id, a.published, a.source, rec))
    clusters = multi_article(merge(reports))
    _p, _r, f = score_clusters(gold, clusters)
    assert f >= E2E_F1_FLOOR, f
    assert negative_violations(gold, clusters) == []


def _naive_window(reports: list, inside: object) -> list[list]:
    """The greedy complete-link clustering with every cluster a candidate and every member
    tested: what the index and the prefilters of ``_cluster_window`` must reproduce. (SOFT_LINK:
    one member matches, and every other one matches or only lacks the evidence to, published
    within SOFT_LINK_DAYS.)"""
    from vaarta.crossdoc import _order
    from vaarta.crossdoc_join import SOFT_LINK, SOFT_LINK_DAYS, days_apart
    from vaarta.crossdoc_join import lacking as only_lacks
    from vaarta.crossdoc_match import match, score

    clusters: list[list] = []
    for f in sorted(reports, key=_order):
        best = None
        for ci, members in enumerate(clusters):
            if any(m.report.article_id == f.report.article_id for m in members):
                continue
            verdicts = [match(f, m, inside) for m in members]  # type: ignore[arg-type]
            lacking = [
                SOFT_LINK and only_lacks(why) and days_apart(f, m) <= SOFT_LINK_DAYS
                for m, (_, why) in zip(members, verdicts, strict=True)
            ]
            if any(ok for ok, _ in verdicts) and all(ok or lack for (ok, _), lack in zip(verdicts, lacking, strict=True)):
                s = sum(score(f, m) for m in members) / len(members)
                if best is None or s > best[0]:
                    best = (s, ci)
        if best is None:
            clusters.append([f])
        else:
            clusters[best[1]].append(f)
    return clusters


@pytest.mark.parametrize("seed", range(6))
def test_cluster_window_index_and_prefilter_change_nothing(seed: int) -> None:
    """Candidates by participant / compatible place, the same-article and location checks per
    cluster: the clusters equal those of testing every cluster's every member."""
    import random

    from vaarta.crossdoc import _cluster_window
    from vaarta.crossdoc_match import features
    from vaarta.crossdoc_places import as_place_map

    rng = random.Random(seed)
    inside = as_place_map({"Banda": "Uttar Pradesh", "Lucknow": "Uttar Pradesh", "Uttar Pradesh": "India", "Delhi": "India"})
    # (no empty-string location: it indexes no place, so two such reports with no participants
    # never meet, though the pair test would join them)
    places = ["Banda", "Lucknow", "Uttar Pradesh", "India", "Delhi", "Banda, Uttar Pradesh", "Nepal", None, None]
    texts = [None, "दिल्ली में 120 नए मामले सामने आए", "राज्य में 33 नए मामले", "कुल संख्या बढ़कर 120 हो गई", "कई लोग संक्रमित"]
    reports = []
    for k in range(160):
        who = tuple(rng.sample(["Modi", "Yogi", "India", "Kejriwal"], rng.randint(0, 2)))
        day = 1 + rng.randrange(10)
        ev = Event(
            type="DISASTER",
            status=rng.choice(["occurred", "occurred", "planned"]),
            actors=who[:1],
            recipients=who[1:],
            evidence=(Span(0, 5),),
            mode=rng.choice(["epidemic", "epidemic", "flood", None]),
            location=rng.choice(places),
            date=rng.choice([f"2020-04-{day:02d}", None, "2020-04"]),
            killed=rng.choice([None, None, 3, 4]),
        )
        reports.append(EventReport(f"a{rng.randrange(120)}", k, f"2020-04-{day:02d}", "s", ev, rng.choice(texts)))
    feats = [features(r) for r in reports]
    got = _cluster_window(feats, inside)
    want = _naive_window(feats, inside)
    assert [[f.report for f in c] for c in got] == [[f.report for f in c] for c in want]
    assert sum(len(c) > 1 for c in got) >= 5  # the case is not trivial
