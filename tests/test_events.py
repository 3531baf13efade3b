"""Events on Hindi sentences written for these tests, the two seeds, and gold/dev floors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from vaarta.events import find_events
from vaarta.events_lexicon import load_lexicon
from vaarta.events_roles import casualties, parse_number
from vaarta.model import Resources
from vaarta.segment import make_document

from conftest_events import bench_module, ent, shared_dir, time

RES = Resources()


def run(text: str, ents, times=(), published=None):  # type: ignore[no-untyped-def]
    doc = make_document(text, published=published)
    return find_events(doc, [e(text) for e in ents], list(times), RES)


MODI = lambda t: ent(t, "Narendra Modi", "PER", "नरेंद्र मोदी", "मोदी")  # noqa: E731
NEPAL = lambda t: ent(t, "Nepal", "LOC", "नेपाल")  # noqa: E731
KTM = lambda t: ent(t, "Kathmandu", "LOC", "काठमांडू")  # noqa: E731
INDIA = lambda t: ent(t, "India", "LOC", "भारत", "भारतीय")  # noqa: E731
PAK = lambda t: ent(t, "Pakistan", "LOC", "पाकिस्तान")  # noqa: E731
RUS = lambda t: ent(t, "Russia", "LOC", "रूस")  # noqa: E731
CHN = lambda t: ent(t, "China", "LOC", "चीन")  # noqa: E731


def one(events, type_):  # type: ignore[no-untyped-def]
    hits = [e for e in events if e.type == type_]
    assert len(hits) == 1, events
    return hits[0]


def parts(e) -> set[str]:  # type: ignore[no-untyped-def]
    return set(e.actors) | set(e.recipients)


def test_phone_call_agent_recipient_and_date() -> None:
    t = "प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को नेपाल के प्रधानमंत्री से फोन पर बात की।"
    e = one(run(t, [MODI, NEPAL], [time(t, "मंगलवार", "2024-03-05")]), "CONSULT")
    assert e.mode == "phone" and e.status == "occurred"
    assert e.actors == ("Narendra Modi",) and e.date == "2024-03-05"


def test_planned_visit_goes_to_the_country_of_the_city() -> None:
    t = "मोदी अगले महीने काठमांडू का दौरा करेंगे।"
    e = one(run(t, [MODI, KTM, NEPAL]), "CONSULT")
    assert (e.mode, e.status, e.location) == ("visit", "planned", "Kathmandu")
    assert e.actors == ("Narendra Modi",)


def test_possible_and_negated_status() -> None:
    t = "भारत पाकिस्तान के साथ बातचीत कर सकता है।"
    assert one(run(t, [INDIA, PAK]), "CONSULT").status == "possible"
    t = "भारत ने पाकिस्तान के प्रस्ताव को खारिज नहीं किया।"
    assert one(run(t, [INDIA, PAK]), "REJECT").status == "negated"


def test_coordinated_agents_sign_an_agreement() -> None:
    t = "रूस और चीन ने एक नए समझौते पर हस्ताक्षर किए हैं।"
    e = one(run(t, [RUS, CHN]), "AGREE")
    assert parts(e) == {"Russia", "China"} and e.status == "occurred"


def test_between_makes_both_participants() -> None:
    t = "भारत और पाकिस्तान के बीच वार्ता हुई।"
    assert parts(one(run(t, [INDIA, PAK]), "CONSULT")) == {"India", "Pakistan"}


def test_demonym_role_is_the_country_and_repeated_mentions_merge() -> None:
    t = "भारतीय प्रधानमंत्री ने नेपाल से बातचीत की। बाद में दोनों देशों के बीच फिर बातचीत हुई।"
    evs = run(t, [INDIA, NEPAL])
    e = one(evs, "CONSULT")
    assert e.actors == ("India",) and "Nepal" in e.recipients


def test_pronoun_subject_resolves_to_last_person() -> None:
    t = "नरेंद्र मोदी सोमवार को दिल्ली लौटे। उन्होंने पाकिस्तान की आलोचना की।"
    e = one(run(t, [MODI, PAK]), "ACCUSE")
    assert e.actors == ("Narendra Modi",) and e.recipients == ("Pakistan",)


def test_road_accident_casualties_and_place_without_actors() -> None:
    t = "बिहार के पटना में बस हादसे में सात लोगों की मौत हो गई और 12 घायल हो गए।"
    bihar = lambda x: ent(x, "Bihar", "LOC", "बिहार")  # noqa: E731
    patna = lambda x: ent(x, "Patna", "LOC", "पटना")  # noqa: E731
    e = one(run(t, [bihar, patna]), "ACCIDENT")
    assert (e.mode, e.killed, e.injured) == ("road", 7, 12)
    assert e.actors == () and e.recipients == () and e.location in {"Bihar", "Patna"}


def test_flood_and_attack_are_nominal_events() -> None:
    t = "असम में बाढ़ से दो लोगों की मौत हो गई। श्रीनगर में आतंकी हमले में दर्जनों घायल हुए।"
    assam = lambda x: ent(x, "Assam", "LOC", "असम")  # noqa: E731
    sxr = lambda x: ent(x, "Srinagar", "LOC", "श्रीनगर")  # noqa: E731
    evs = run(t, [assam, sxr])
    flood = one(evs, "DISASTER")
    assert (flood.mode, flood.killed, flood.location) == ("flood", 2, "Assam")
    attack = one(evs, "ASSAULT")
    assert (attack.mode, attack.injured, attack.location) == ("terror", None, "Srinagar")


def test_said_words_are_not_events() -> None:
    t = "मोदी ने कहा कि भारत हर देश का समर्थन करेगा।"
    assert [e for e in run(t, [MODI, INDIA]) if e.type == "SUPPORT"] == []


def test_every_name_is_an_entity_and_evidence_is_a_sentence() -> None:
    t = "मोदी ने नेपाल का दौरा किया। वहां उन्होंने बातचीत की।"
    doc = make_document(t)
    ents = [MODI(t), NEPAL(t)]
    names = {e.name for e in ents}
    for ev in find_events(doc, ents, [], RES):
        assert set(ev.actors) | set(ev.recipients) <= names
        assert ev.location is None or ev.location in names
        assert all(any(s.start == sp.start and s.end == sp.end for s in doc.sentences) for sp in ev.evidence)


def test_numbers() -> None:
    lex = load_lexicon()
    assert parse_number("4,209", lex) == 4209
    assert parse_number("दो हजार", lex) == 2000
    assert parse_number("पांच", lex) == 5
    assert parse_number("दर्जनों", lex) is None
    assert casualties("हमले में 14 लोगों की मौत हो गई, 30 घायल", lex) == (14, 30)
    assert casualties("मरने वालों की संख्या बढ़कर 20 हो गई", lex)[0] in (None, 20)


# ---------------------------------------------------------------- real data (skips without ../shared)

needs_shared = pytest.mark.skipif(
    not (shared_dir() / "gold" / "dev" / "gold.jsonl").exists(), reason="../shared (gold/dev) not present"
)


@pytest.fixture(scope="module")
def gold_docs():  # type: ignore[no-untyped-def]
    b = bench_module()
    return b, {g["id"]: (g, doc, ents, times) for g, doc, ents, times in b.load_gold(shared_dir())}


@needs_shared
def test_seed_000_events(gold_docs) -> None:  # type: ignore[no-untyped-def]
    _, docs = gold_docs
    _g, doc, ents, times = docs["seed-000"]
    evs = find_events(doc, ents, times, RES)
    consult = [e for e in evs if e.type == "CONSULT"]
    video = [e for e in consult if e.mode == "video"]
    assert video and parts(video[0]) == {"Xi Jinping", "Vladimir Putin"} and video[0].status == "occurred"
    visits = {e.actors: e for e in consult if e.mode == "visit"}
    for country in ("United Kingdom", "Canada"):
        v = visits[(country,)]
        assert v.status == "occurred" and v.location == "Beijing" and "China" in v.recipients
    assert visits[("Germany",)].status == "possible"
    assert visits[("Sergei Shoigu",)].location == "Beijing"
    support = one(evs, "SUPPORT")
    assert "Vladimir Putin" in support.actors and "China" in support.recipients
    teaser_start = doc.text.find("इजरायली")
    assert teaser_start == -1  # teasers removed before analysis


@needs_shared
def test_seed_001_events(gold_docs) -> None:  # type: ignore[no-untyped-def]
    _, docs = gold_docs
    _g, doc, ents, times = docs["seed-001"]
    evs = find_events(doc, ents, times, RES)
    c = one(evs, "CONSULT")
    assert (c.mode, c.status, c.date) == ("video", "planned", "2021-12-15")
    assert parts(c) == {"Xi Jinping", "Vladimir Putin"}
    a = one(evs, "AGREE")
    assert parts(a) == {"Russia", "China"} and a.status == "occurred"


# Floors measured on gold/dev with oracle entities and times (docs/events.md). Raise them as
# the stage improves; never lower one without saying why in docs/events.md.
EVENT_F1_FLOOR = 0.70
STATUS_FLOOR = 0.943
QUOTE_RECALL_FLOOR = 0.972
SPEAKER_FLOOR = 0.915


@needs_shared
def test_gold_dev_floors(gold_docs) -> None:  # type: ignore[no-untyped-def]
    b, docs = gold_docs
    pairs = [(find_events(doc, ents, times, RES), g["events"]) for g, doc, ents, times in docs.values()]
    ev = b.score_events(pairs)
    assert ev["F1"] >= EVENT_F1_FLOOR, ev
    assert ev["status_acc"] >= STATUS_FLOOR, ev


# ---------------------------------------------------------------- rules added in round 2

SHARMA = lambda t: ent(t, "Ravi Sharma", "PER", "रवि शर्मा", "शर्मा")  # noqa: E731
UP = lambda t: ent(t, "Uttar Pradesh", "LOC", "उत्तर प्रदेश")  # noqa: E731
AGRA = lambda t: ent(t, "Agra", "LOC", "आगरा")  # noqa: E731
BIHAR = lambda t: ent(t, "Bihar", "LOC", "बिहार")  # noqa: E731
GAYA = lambda t: ent(t, "Gaya", "LOC", "गया जी")  # noqa: E731
SIRSA = lambda t: ent(t, "Sirsa", "LOC", "सिरसा")  # noqa: E731


def test_reported_speech_ends_at_a_full_stop() -> None:
    # English full stops end sentences; the कहा कि span must not swallow the next sentence
    t = "शर्मा ने कहा कि बातचीत अच्छी रही. बाद में रवि शर्मा ने नेपाल से मदद की अपील की."
    e = one(run(t, [SHARMA, NEPAL]), "REQUEST")
    assert e.actors == ("Ravi Sharma",) and e.recipients == ("Nepal",)


def test_a_demand_inside_a_quote_is_an_event_of_the_speaker() -> None:
    t = "रवि शर्मा ने कहा, “हम सरकार से कैदियों की रिहाई की मांग करते हैं।”"
    e = one(run(t, [SHARMA]), "REQUEST")
    assert "Ravi Sharma" in e.actors


def test_curfew_is_imposed_on_a_place_without_participants() -> None:
    t = "हिंसा के बाद शर्मा के गृह नगर सिरसा में शनिवार को कर्फ्यू लगा दिया गया।"
    e = one(run(t, [SHARMA, SIRSA], [time(t, "शनिवार", "2024-05-04")]), "COERCE")
    assert parts(e) == set() and e.location == "Sirsa" and e.date == "2024-05-04"


def test_passive_arrest_takes_the_pronoun_patient_not_an_agent() -> None:
    t = "रवि शर्मा देर से घर लौटे। उन्हें रात को हिरासत में ले लिया गया।"
    e = one(run(t, [SHARMA]), "COERCE")
    assert e.actors == () and e.recipients == ("Ravi Sharma",)


def test_nominal_event_place_is_the_district_of_the_chain() -> None:
    t = "उत्तर प्रदेश के आगरा जिले में एक सड़क हादसे में चार लोगों की मौत हो गई।"
    e = one(run(t, [UP, AGRA]), "ACCIDENT")
    assert e.location == "Agra" and e.killed == 4


def test_coordinated_places_give_one_event_each() -> None:
    t = "उत्तर प्रदेश के आगरा और बिहार के गया जी में स्वास्थ्य टीमों पर हमला हुआ।"
    evs = [e for e in run(t, [UP, AGRA, BIHAR, GAYA]) if e.type == "ASSAULT"]
    assert {e.location for e in evs} == {"Agra", "Gaya"}


def test_country_and_city_reports_merge_into_the_city() -> None:
    t = "नेपाल में बम विस्फोट हुआ। काठमांडू में हुए इस विस्फोट में दो लोग घायल हुए।"
    e = one(run(t, [NEPAL, KTM]), "ASSAULT")
    assert e.location == "Kathmandu" and e.injured == 2


def test_date_of_the_previous_sentence_carries_over() -> None:
    t = "मोदी ने सोमवार को किसानों से बात की। उन्होंने राज्यों से मदद की अपील की।"
    e = one(run(t, [MODI], [time(t, "सोमवार", "2024-05-06")]), "REQUEST")
    assert e.date == "2024-05-06" and e.actors == ("Narendra Modi",)


def test_protest_names_no_one_it_is_against() -> None:
    t = "सिरसा में सैकड़ों किसानों ने सरकार से नाराज होकर भारत के खिलाफ प्रर्दशन किया।"
    e = one(run(t, [SIRSA, INDIA]), "PROTEST")
    assert parts(e) == set() and e.location == "Sirsa"


# ---------------------------------------------------------------- round 3 rules


def test_curfew_without_agent_is_imposed_by_the_province() -> None:
    t = "हिंसा के बाद असम में तीन दिन का कर्फ्यू लगा दिया गया।"
    e = one(run(t, [lambda x: ent(x, "Assam", "LOC", "असम")]), "COERCE")
    assert e.actors == ("Assam",) and e.location == "Assam"


def test_cooperation_as_an_intention_is_planned() -> None:
    t = "जापान ने भारत के साथ रक्षा सहयोग को बढ़ाने की इच्छा जताई।"
    e = one(run(t, [lambda x: ent(x, "Japan", "LOC", "जापान"), INDIA]), "COOPERATE")
    assert e.status == "planned" and parts(e) == {"Japan", "India"}


def test_aid_approved_as_a_noun() -> None:
    t = "एशियाई विकास बैंक ने नेपाल के लिए 50 करोड़ डॉलर की सहायता मंजूर की है।"
    e = one(run(t, [lambda x: ent(x, "Asian Development Bank", "ORG", "एशियाई विकास बैंक"), NEPAL]), "AID")
    assert "Asian Development Bank" in e.actors


def test_train_name_is_not_the_place_of_an_accident() -> None:
    t = "बिहार के दरभंगा जिले में सीतामढ़ी एक्सप्रेस के डिब्बे पटरी से उतर गए।"
    ents = [
        lambda x: ent(x, "Bihar", "LOC", "बिहार"),
        lambda x: ent(x, "Darbhanga", "LOC", "दरभंगा"),
        lambda x: ent(x, "Sitamarhi", "LOC", "सीतामढ़ी"),
    ]
    assert one(run(t, ents), "ACCIDENT").location == "Darbhanga"


def test_gaye_the_is_a_visit_only_after_a_place() -> None:
    t = "पिछले साल की झड़प में बारह लोग मारे गए थे। मोदी पिछले हफ्ते नेपाल गए थे।"
    evs = run(t, [MODI, NEPAL])
    visits = [e for e in evs if e.type == "CONSULT"]
    assert len(visits) == 1 and visits[0].actors == ("Narendra Modi",)


def test_meeting_of_no_one_named_is_dropped() -> None:
    t = "सूचना मिलते ही गांव पहुंचे अधिकारियों ने लोगों को समझाया।"
    assert [e for e in run(t, []) if e.type == "CONSULT"] == []


def test_weather_alert_is_not_a_mobilisation() -> None:
    t = "मौसम विभाग ने राजस्थान के दस जिलों में लू का ऑरेंज अलर्ट जारी किया है।"
    assert [e for e in run(t, [lambda x: ent(x, "Rajasthan", "LOC", "राजस्थान")]) if e.type == "MOBILIZE"] == []


def test_range_end_does_not_date_a_disaster() -> None:
    t = "राजस्थान में लू से चार की मौत, 2 जून से 10 जून तक कॉलेज बंद।"
    e = one(
        run(
            t, [lambda x: ent(x, "Rajasthan", "LOC", "राजस्थान")], [time(t, "2 जून", "2024-06-02"), time(t, "10 जून", "2024-06-10")]
        ),
        "DISASTER",
    )
    assert e.date is None


def test_negation_of_a_complement_keeps_a_quake_occurred() -> None:
    t = "असम में भूकंप की तीव्रता ज्यादा नहीं थी।"
    e = one(run(t, [lambda x: ent(x, "Assam", "LOC", "असम")]), "DISASTER")
    assert e.status == "occurred"


def test_dateline_is_not_the_place_and_dates_merge_by_precision() -> None:
    t = "पटना: 15 जनवरी 1934 को भूकंप आया था। बिहार के सन् 1934 के भूकंप में हजारों लोग मारे गए।"
    ents = [lambda x: ent(x, "Patna", "LOC", "पटना"), lambda x: ent(x, "Bihar", "LOC", "बिहार")]
    tms = [time(t, "15 जनवरी 1934", "1934-01-15"), time(t, "1934", "1934")]
    e = one(run(t, ents, tms), "DISASTER")
    assert e.location == "Bihar" and e.date == "1934-01-15"


def test_hamlog_is_not_an_attack() -> None:
    assert run("उन्होंने कहा कि हमलोग शांति चाहते हैं।", []) == []


def test_epidemic_reports_one_event_per_place() -> None:
    text = "दिल्ली और तेलंगाना में कोरोना वायरस के दो नए मामलों की पुष्टि हुई है। चीन में कोरोना वायरस से 42 और लोगों की मौत हो गई।"
    dl = lambda t: ent(t, "Delhi", "LOC", "दिल्ली")  # noqa: E731
    tg = lambda t: ent(t, "Telangana", "LOC", "तेलंगाना")  # noqa: E731
    evs = [e for e in run(text, [dl, tg, CHN]) if e.type == "DISASTER"]
    assert {e.mode for e in evs} == {"epidemic"}
    by_place = {e.location: e for e in evs}
    assert set(by_place) == {"Delhi", "Telangana", "China"}
    assert by_place["China"].killed == 42


def test_epidemic_words_outside_a_case_report_are_no_event() -> None:
    text = "मरीज की रिपोर्ट निगेटिव आई और उसे घर भेज दिया गया।"
    assert not [e for e in run(text, []) if e.mode == "epidemic"]


# ---------------------------------------------------------------- round 5: precision, AID, speed

MAHA = lambda t: ent(t, "Maharashtra", "LOC", "महाराष्ट्र")  # noqa: E731
DELHI = lambda t: ent(t, "Delhi", "LOC", "दिल्ली")  # noqa: E731


def test_epidemic_count_needs_a_place_and_new_cases() -> None:
    # no place: background; "पाए जाने वाले" is a description; "कुल N मामले" a running total
    text = (
        "पूरे राज्य में आज चार नए मामले सामने आए हैं। "
        "महाराष्ट्र में पॉजिटिव पाए जाने वाले लोगों की संख्या बढ़ रही है। "
        "महाराष्ट्र में अब तक कुल 90 मामले सामने आए हैं।"
    )
    assert not [e for e in run(text, [MAHA]) if e.mode == "epidemic"]
    text2 = "महाराष्ट्र में कोरोना के पांच नए मामले सामने आए हैं।"
    e = one(run(text2, [MAHA]), "DISASTER")
    assert (e.mode, e.location) == ("epidemic", "Maharashtra")
    # round 6: an article with no outbreak word (कोरोना, वायरस, संक्रमण …) reports no epidemic
    assert not [e for e in run("महाराष्ट्र में धोखाधड़ी के पांच नए मामले सामने आए हैं।", [MAHA]) if e.mode == "epidemic"]


def test_aid_announced_with_money_is_planned() -> None:
    t = "मुख्यमंत्री नरेंद्र मोदी ने मृतकों के परिवारों के लिए पांच लाख रुपये के मुआवजे की घोषणा की।"
    e = one(run(t, [MODI]), "AID")
    assert e.actors == ("Narendra Modi",) and e.status == "planned"
    t2 = "नरेंद्र मोदी ने ऐलान किया कि हर परिवार को एक करोड़ रुपये दिए जाएंगे।"
    e2 = one(run(t2, [MODI]), "AID")
    assert e2.status == "planned" and e2.actors == ("Narendra Modi",)
    t3 = "नरेंद्र मोदी ने महाराष्ट्र को हर संभव मदद का भरोसा दिलाया।"
    e3 = one(run(t3, [MODI, MAHA]), "AID")
    assert parts(e3) == {"Narendra Modi", "Maharashtra"} and e3.status == "planned"


def test_sending_that_is_not_aid() -> None:
    t = "पुलिस ने रवि शर्मा के शव को पोस्टमार्टम के लिए भेजा है।"
    assert not [e for e in run(t, [SHARMA]) if e.type == "AID"]
    t2 = "भारत ने नेपाल को दवाइयां और मास्क भेजे हैं।"
    assert parts(one(run(t2, [INDIA, NEPAL]), "AID")) == {"India", "Nepal"}


def test_a_lockdown_in_force_is_no_imposition() -> None:
    t = "लॉकडाउन के दौरान दिल्ली में दुकानें बंद रहीं।"
    assert not [e for e in run(t, [DELHI]) if e.type == "COERCE"]
    t2 = "दिल्ली में 31 मार्च तक लॉकडाउन रहेगा।"
    e = one(run(t2, [DELHI]), "COERCE")
    assert e.location == "Delhi"


def test_in_front_of_is_a_place_and_a_case_names_no_parties() -> None:
    hc = lambda t: ent(t, "Gujarat High Court", "ORG", "गुजरात हाई कोर्ट")  # noqa: E731
    t = "गुजरात हाई कोर्ट के सामने रवि शर्मा की हत्या कर दी गई थी।"
    e = one(run(t, [SHARMA, hc]), "ASSAULT")
    assert "Gujarat High Court" not in parts(e)
    cbi = lambda t: ent(t, "Central Bureau of Investigation", "ORG", "सीबीआई")  # noqa: E731
    t2 = "सीबीआई ने हत्या के मामले में रवि शर्मा से पूछताछ की।"
    assert all(not parts(x) for x in run(t2, [cbi, SHARMA]) if x.type == "ASSAULT")


def test_an_interview_is_not_a_consultation_and_a_town_is_no_party() -> None:
    afp = lambda t: ent(t, "Agence France-Presse", "ORG", "एएफ़पी")  # noqa: E731
    t = "समाचार एजेंसी एएफ़पी से बात करते हुए रवि शर्मा ने कहा कि बातचीत जारी रहेगी।"
    assert not [e for e in run(t, [afp, SHARMA]) if e.type == "CONSULT"]
    sop = lambda t: ent(t, "Sopore", "LOC", "सोपोर")  # noqa: E731
    t2 = "लोग शव को सोपोर लाने की मांग कर रहे हैं।"
    assert all("Sopore" not in parts(e) for e in run(t2, [sop]))


def test_confidence_is_by_kind_and_type() -> None:
    t = "भारत और चीन ने सहयोग बढ़ाने पर सहमति जताई। नेपाल ने भारत पर आरोप लगाया।"
    evs = run(t, [INDIA, CHN, NEPAL])
    conf = {e.type: e.confidence for e in evs}
    assert 0 < conf["ACCUSE"] < conf["AGREE"] <= 1


def test_one_trigger_pass_per_document_finds_what_per_sentence_passes_find() -> None:
    from vaarta.events import _triggers_by_sentence, _triggers_in

    lex = load_lexicon()
    sents = [
        "बिहार में बाढ़ से 12 लोगों की मौत हो गई",
        "दिल्ली में 5 और मरीज मिले।",
        "नई दिल्ली: भारत ने नेपाल को मदद भेजी",
        "लॉकडाउन",
        "मोदी मिले",
        "ऑरेंज अलर्ट जारी किया गया। हाई अलर्ट जारी",
        "आतंकी हमले के बाद बम धमाका, फिर गोलीबारी हुई।",
    ]
    assert _triggers_by_sentence(sents, lex) == [_triggers_in(s, lex) for s in sents]


def test_literal_prefixes_start_every_match() -> None:
    from vaarta.events_lexicon import literal_prefixes

    lex = load_lexicon()
    assert literal_prefixes("(?:बम\\s*(?:विस्फोट)?|विस्फोट)") == ("बम", "बमव", "विस")
    assert literal_prefixes("\\w+") is None
    for t, pre in zip(lex.triggers, lex.prefixes, strict=True):
        for s in ("बिहार में भीषण बाढ़ आई", "भारत ने नेपाल से बातचीत की", "दो नए मामले सामने आए"):
            for m in t.pattern.finditer(s):
                assert pre is None or any(s.startswith(p, m.start()) for p in pre), (t.type, m.group())


def test_money_announced_inside_speech_is_planned_aid() -> None:
    t = "नरेंद्र मोदी ने कहा कि महाराष्ट्र को सरकार दो करोड़ रुपये देगी।"
    e = one(run(t, [MODI, MAHA]), "AID")
    assert e.status == "planned" and "Narendra Modi" in parts(e)


# ---------------------------------------------------------------- round 6: new vs total, places, ACCUSE

ITALY = lambda t: ent(t, "Italy", "LOC", "इटली")  # noqa: E731
BJP = lambda t: ent(t, "Bharatiya Janata Party", "ORG", "भाजपा")  # noqa: E731
JHK_GOV = lambda t: ent(t, "Government of Jharkhand", "ORG", "झारखंड सरकार")  # noqa: E731
RAJ = lambda t: ent(t, "Rajasthan", "LOC", "राजस्थान")  # noqa: E731
PUNJAB = lambda t: ent(t, "Punjab, India", "LOC", "पंजाब")  # noqa: E731
UKD = lambda t: ent(t, "Uttarakhand", "LOC", "उत्तराखंड")  # noqa: E731
CHAMOLI = lambda t: ent(t, "Chamoli district", "LOC", "चमोली जिले", "चमोली")  # noqa: E731


def test_new_deaths_not_the_running_total_are_killed() -> None:
    t = "कोरोना वायरस के चलते चीन में 35 और लोगों की मौत हो गई, जिससे मरने वालों की संख्या बढ़कर 3,100 हो गई।"
    e = one(run(t, [CHN]), "DISASTER")
    assert (e.mode, e.location, e.killed) == ("epidemic", "China", 35)


def test_a_running_death_toll_alone_is_no_report() -> None:
    t = "कोरोना वायरस से चीन में अब तक 3,100 लोगों की मौत हो चुकी है।"
    assert [e for e in run(t, [CHN]) if e.type == "DISASTER"] == []
    t2 = "चीन में कोरोना से मरने वालों की संख्या 3,100 हो गई है।"
    assert [e for e in run(t2, [CHN]) if e.type == "DISASTER"] == []


def test_a_total_with_new_cases_stays_a_report_without_the_total_as_killed() -> None:
    t = "कोरोना वायरस के इटली में 300 नए मामले सामने आए, वहां अब तक 150 लोगों की मौत हुई है।"
    e = one(run(t, [ITALY]), "DISASTER")
    assert e.location == "Italy" and e.killed is None


def test_n_more_deaths_confirmed_by_a_country_in_an_epidemic_article() -> None:
    t = "कोरोना वायरस का प्रकोप जारी है। चीन ने 35 और लोगों की मौत की पुष्टि की है।"
    e = one(run(t, [CHN]), "DISASTER")
    assert (e.mode, e.location, e.killed) == ("epidemic", "China", 35)
    # without an outbreak in the text, or beside another happening, it is not an epidemic report
    assert [e for e in run("चीन ने 35 और लोगों की मौत की पुष्टि की है।", [CHN]) if e.mode == "epidemic"] == []
    t3 = "कोरोना के बीच बिहार में सड़क हादसे में दो और लोगों की मौत हो गई।"
    assert [e for e in run(t3, [BIHAR]) if e.mode == "epidemic"] == []


def test_numbered_patients_found_are_an_epidemic_report() -> None:
    t = "आगरा में कोरोना वायरस से संक्रमित चार मरीज मिलने के बाद अलर्ट जारी किया गया।"
    e = one(run(t, [AGRA]), "DISASTER")
    assert (e.mode, e.location) == ("epidemic", "Agra")


def test_travel_origin_and_nationals_are_not_the_place_of_a_count() -> None:
    t = "इटली से लौटे एक व्यक्ति के कोरोना वायरस से संक्रमित होने की पुष्टि हुई है।"
    assert [e for e in run(t, [ITALY]) if e.type == "DISASTER"] == []
    t2 = "दिल्ली में इटली के 14 पर्यटक कोरोना वायरस से संक्रमित पाए गए हैं।"
    e = one(run(t2, [DELHI, ITALY]), "DISASTER")
    assert e.location == "Delhi"
    t3 = "यह दिल्ली के उसी संक्रमित व्यक्ति के रिश्तेदार हैं जो इटली से लौटा था और उसकी रिपोर्ट पॉजिटिव आई है।"
    assert [e for e in run(t3, [DELHI, ITALY]) if e.type == "DISASTER"] == []


def test_a_party_attacking_a_government_in_words_is_accuse() -> None:
    t = "झारखंड सरकार की सुस्ती को लेकर भाजपा ने राज्य सरकार पर हमला किया।"
    evs = run(t, [BJP, JHK_GOV])
    e = one(evs, "ACCUSE")
    assert e.actors == ("Bharatiya Janata Party",) and e.recipients == ("Government of Jharkhand",)
    assert e.location is None and not [x for x in evs if x.type == "ASSAULT"]
    # blows are an assault
    t2 = "भाजपा ने कार्यकर्ताओं पर लाठियों से हमला किया जिसमें तीन लोग घायल हुए।"
    assert [x.type for x in run(t2, [BJP])] == ["ASSAULT"]


def test_coordinated_states_each_impose_their_own_measure() -> None:
    t = "राजस्थान, पंजाब और उत्तराखंड ने भी लॉकडाउन की घोषणा की है।"
    evs = [e for e in run(t, [RAJ, PUNJAB, UKD]) if e.type == "COERCE"]
    assert {(e.actors, e.location) for e in evs} == {
        (("Rajasthan",), "Rajasthan"),
        (("Punjab, India",), "Punjab, India"),
        (("Uttarakhand",), "Uttarakhand"),
    }


def test_a_district_named_later_refines_the_state_of_a_disaster() -> None:
    t = "उत्तराखंड में भूकंप से भारी तबाही। चमोली जिले में आए भूकंप में 9 लोगों की मौत हो गई।"
    e = one(run(t, [UKD, CHAMOLI]), "DISASTER")
    assert e.location == "Chamoli district" and e.killed == 9


# ---- per-document indexes (linear time on long articles) give what a full scan gave ----------


def test_salient_index_matches_a_full_scan() -> None:
    import random

    from vaarta.events import _Salient
    from vaarta.model import Entity, Mention

    rnd = random.Random(7)
    people = [Entity(f"P{i}", f"व्यक्ति{i}", "PER", None, 1.0, (Mention(0, 1, "x"),)) for i in range(4)]
    place = Entity("L", "स्थान", "LOC", None, 1.0, (Mention(0, 1, "x"),))
    mentions = []
    for _ in range(300):
        s = rnd.randrange(2000)
        mentions.append((s, s + rnd.randint(1, 9), rnd.choice([*people, place])))
    mentions.sort(key=lambda x: (x[0], -x[1]))

    def scan(before: int, n: int) -> list[Entity]:  # the walk the index replaces
        out: list[Entity] = []
        for s, _e, e in sorted(mentions, key=lambda m: -m[0]):
            if s < before and e.type == "PER" and e not in out:
                out.append(e)
                if len(out) == n:
                    break
        return out

    idx = _Salient(mentions, ("PER",))
    for pos in range(0, 2100, 7):
        for n in (1, 2, 3):
            assert idx.before(pos, n) == scan(pos, n), (pos, n)


def test_dates_by_bisection_match_a_full_scan() -> None:
    from vaarta.events import _Times
    from vaarta.model import TimeExpr

    text = "सोमवार को बैठक हुई। 1 मई से 15 मई तक स्कूल बंद रहे। 3 जून 2020 को बाढ़ आई और 4 जून 2020 को मदद पहुंची।"

    def at(surface: str, value: str) -> TimeExpr:
        i = text.index(surface)
        return TimeExpr(i, i + len(surface), surface, value, "day")

    times = [
        at("सोमवार", "2020-05-04"),
        at("1 मई", "2020-05-01"),
        at("15 मई", "2020-05-15"),
        at("3 जून 2020", "2020-06-03"),
        at("4 जून 2020", "2020-06-04"),
    ]
    s2, s3 = text.index("1 मई"), text.index("3 जून")
    idx = _Times(list(reversed(times)), text)
    assert idx.range_end(times[1]) and idx.range_end(times[2]) and not idx.range_end(times[3])
    assert idx.date(0, s2 - 1, 10) == "2020-05-04"
    assert idx.date(s2, s3 - 1, text.index("स्कूल")) is None  # both ends of a range: a period, no date
    assert idx.date(s3, len(text), text.index("मदद")) == "2020-06-04"
    assert idx.date(s3, len(text), text.index("बाढ़")) == "2020-06-03"
    assert idx.last_day(0, s3) == "2020-05-04" and idx.last_day(s3 + 1, s3 + 2) is None
    assert idx.within(s2, s3 - 1) and not idx.within(7, s2 - 1)


def test_repeated_happening_merges_with_each_sentence_once() -> None:
    sent = "बिहार में बाढ़ से 12 लोगों की मौत हो गई। "
    text = sent * 400
    bihar = lambda t: ent(t, "Bihar", "LOC", "बिहार")  # noqa: E731
    evs = run(text, [bihar])
    flood = one(evs, "DISASTER")
    assert flood.location == "Bihar" and flood.killed == 12
    assert len(flood.evidence) == 400 == len(set(flood.evidence))
