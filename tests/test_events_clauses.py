"""Round 7 event rules (events_clauses, roles, merging), each on Hindi sentences written for it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from vaarta.events import find_events
from vaarta.events_clauses import embedded, unnamed_agent, word_end
from vaarta.model import Resources
from vaarta.segment import make_document

from conftest_events import ent, time
from conftest_events import of_type as of

RES = Resources()


def run(text: str, ents, times=()):  # type: ignore[no-untyped-def]
    doc = make_document(text)
    return find_events(doc, [e(text) for e in ents], list(times), RES)


def parts(e) -> set[str]:  # type: ignore[no-untyped-def]
    return set(e.actors) | set(e.recipients)


MODI = lambda t: ent(t, "Narendra Modi", "PER", "नरेंद्र मोदी", "मोदी")  # noqa: E731
SHAH = lambda t: ent(t, "Amit Shah", "PER", "अमित शाह", "शाह")  # noqa: E731
YADAV = lambda t: ent(t, "Ram Yadav", "PER", "राम यादव", "यादव")  # noqa: E731
VERMA = lambda t: ent(t, "Sita Verma", "PER", "सीता वर्मा", "वर्मा")  # noqa: E731
BJP = lambda t: ent(t, "Bharatiya Janata Party", "ORG", "भाजपा")  # noqa: E731
INC = lambda t: ent(t, "Indian National Congress", "ORG", "कांग्रेस")  # noqa: E731
GOV_BIHAR = lambda t: ent(t, "Government of Bihar", "ORG", "बिहार सरकार")  # noqa: E731
INDIA = lambda t: ent(t, "India", "LOC", "भारत", "भारतीय")  # noqa: E731
NEPAL = lambda t: ent(t, "Nepal", "LOC", "नेपाल")  # noqa: E731
JAPAN = lambda t: ent(t, "Japan", "LOC", "जापान")  # noqa: E731
EUROPE = lambda t: ent(t, "Europe", "LOC", "यूरोप")  # noqa: E731
USA = lambda t: ent(t, "United States", "LOC", "अमेरिका", "अमेरिकी")  # noqa: E731
UN = lambda t: ent(t, "United Nations", "ORG", "संयुक्त राष्ट्र")  # noqa: E731
BANK = lambda t: ent(t, "World Bank", "ORG", "विश्व बैंक")  # noqa: E731
ASSAM = lambda t: ent(t, "Assam", "LOC", "असम")  # noqa: E731
BIHAR = lambda t: ent(t, "Bihar", "LOC", "बिहार")  # noqa: E731
ODISHA = lambda t: ent(t, "Odisha", "LOC", "ओडिशा")  # noqa: E731
GUJARAT = lambda t: ent(t, "Gujarat", "LOC", "गुजरात")  # noqa: E731


# ---------------------------------------------------------------- what is said, demanded, embedded


def test_what_is_demanded_has_not_happened() -> None:
    t = "राम यादव ने मांग की है कि राज्य में सभी स्कूल बंद कर दिये जाएं।"
    evs = run(t, [YADAV])
    assert [e.actors for e in of(evs, "REQUEST")] == [("Ram Yadav",)]
    assert not of(evs, "COERCE")


def test_unquoted_direct_speech_after_a_comma_is_speech() -> None:
    t = "राम यादव ने ट्वीट किया, पूरे देश में एक जैसा लॉकडाउन लगाने से मजदूर परेशान हैं।"
    assert not of(run(t, [YADAV]), "COERCE")


def test_an_act_demanded_refused_or_alleged_is_not_itself_an_event() -> None:
    t = "राम यादव ने अपने साथियों को रिहा करने की मांग की।"
    evs = run(t, [YADAV])
    assert of(evs, "REQUEST") and not of(evs, "CONCEDE")
    t = "सीता वर्मा ने भाजपा का समर्थन करने से इनकार कर दिया।"
    evs = run(t, [VERMA, BJP])
    assert of(evs, "REJECT") and not of(evs, "SUPPORT")
    t = "राम यादव को तस्करों की मदद करने के आरोप में गिरफ्तार किया गया।"
    assert not of(run(t, [YADAV]), "AID")


def test_a_purpose_or_a_wish_is_not_an_event() -> None:
    t = "राम यादव के परिवार ने अपील करने के लिए मोदी से भेंट की।"
    assert not of(run(t, [YADAV, MODI]), "REQUEST")
    t = "नेपाल भारत से वार्ता करना चाहता है।"
    assert not of(run(t, [NEPAL, INDIA]), "CONSULT")
    t = "डॉक्टरों की टीम मरीज के परिवार को क्वारंटाइन करने गई थी।"
    assert not of(run(t, []), "COERCE")


def test_embedded_reads_the_infinitive_after_the_light_verb() -> None:
    t = "कैदियों को रिहा करने की मांग"
    assert embedded(t, t.index("करने") + len("करने"))
    t = "कैदियों को रिहा करने का फैसला"
    assert not embedded(t, t.index("करने") + len("करने"))
    t = "क्वारंटाइन कराने गई"
    assert word_end(t, t.index("कर") + 2) == t.index("कराने") + len("कराने")


def test_an_allegation_stated_is_not_an_accusation() -> None:
    t = "राम यादव पर आरोप है कि उसने एक दुकानदार से पैसे ठगे।"
    assert not of(run(t, [YADAV]), "ACCUSE")
    t = "सीता वर्मा ने राम यादव पर धोखाधड़ी का आरोप लगाया।"
    e = of(run(t, [YADAV, VERMA]), "ACCUSE")
    assert e and e[0].actors == ("Sita Verma",) and e[0].recipients == ("Ram Yadav",)


def test_an_accusation_is_about_the_subject_of_its_content() -> None:
    t = "भाजपा ने सोमवार को आरोप लगाया कि कांग्रेस लोगों को गुमराह कर रही है।"
    e = of(run(t, [BJP, INC]), "ACCUSE")
    assert e and e[0].actors == ("Bharatiya Janata Party",) and e[0].recipients == ("Indian National Congress",)


def test_a_complaint_is_an_accusation() -> None:
    t = "यूरोप के कई देशों ने शिकायत की थी कि भारत से आए मास्क खराब हैं।"
    e = of(run(t, [EUROPE, INDIA]), "ACCUSE")
    assert e and e[0].actors == ("Europe",) and "India" in e[0].recipients


# ---------------------------------------------------------------- who the subject is


def test_a_plural_common_noun_agent_is_not_the_last_person_named() -> None:
    t = "राम यादव मौके पर पहुंचे। गांव पहुंचे अधिकारियों पर भी ग्रामीणों ने हमला बोल दिया।"
    assert not of(run(t, [YADAV]), "ACCUSE")
    assert unnamed_agent(t, 0, len(t), [])


def test_unhone_continues_the_last_agent_not_the_last_name() -> None:
    t = "अमित शाह ने राम यादव से फोन पर बात की। उन्होंने बिहार सरकार को पूरा सहयोग देने का आश्वासन दिया।"
    e = of(run(t, [SHAH, YADAV, GOV_BIHAR]), "COOPERATE")
    assert e and e[0].actors == ("Amit Shah",) and "Government of Bihar" in e[0].recipients


def test_a_dropped_subject_looks_back_only_two_sentences() -> None:
    t = "राम यादव ने बैठक की। बाजार में भीड़ रही। शहर में बारिश हुई। स्कूल खुले रहे। यह योजना किसानों को मदद देगी।"
    assert not of(run(t, [YADAV]), "AID")


def test_a_country_acts_through_its_groups_and_roles() -> None:
    t = "यूरोप के कई देशों ने भारत की आलोचना की।"
    e = of(run(t, [EUROPE, INDIA]), "ACCUSE")
    assert e and e[0].actors == ("Europe",) and e[0].recipients == ("India",)


def test_what_is_praised_belongs_to_the_genitive_and_time_points_are_no_parties() -> None:
    t = "संयुक्त राष्ट्र से पहले नेपाल द्वारा भी भारत के प्रयासों की सराहना की जा चुकी है।"
    e = of(run(t, [UN, NEPAL, INDIA]), "SUPPORT")
    assert e and e[0].actors == ("Nepal",) and e[0].recipients == ("India",)


def test_a_currency_demonym_is_no_party() -> None:
    t = "विश्व बैंक ने नेपाल को 20 करोड़ अमेरिकी डॉलर की सहायता मंजूर की है।"
    e = of(run(t, [BANK, NEPAL, USA]), "AID")
    assert e and "United States" not in parts(e[0]) and "World Bank" in e[0].actors


# ---------------------------------------------------------------- implied parties and merging


def test_a_release_in_a_country_is_by_its_government_and_merges_with_the_named_one() -> None:
    t = "जापान में 500 कैदियों को अस्थायी तौर पर रिहा किया गया है। मंत्री राम यादव ने 200 और कैदियों को रिहा कर दिया।"
    evs = of(run(t, [JAPAN, YADAV]), "CONCEDE")
    assert len(evs) == 1 and parts(evs[0]) == {"Japan", "Ram Yadav"}


def test_a_ban_is_a_coercion_and_a_travel_ban_is_no_visit() -> None:
    t = "असम में सरकार ने जिलों के बीच यात्रा पर पाबंदी लगा दी है।"
    evs = run(t, [ASSAM])
    assert of(evs, "COERCE") and not of(evs, "CONSULT")


def test_a_journey_by_no_one_named_is_no_visit() -> None:
    t = "संक्रमित पाए गए सभी लोगों ने जापान की यात्रा की थी।"
    assert not of(run(t, [JAPAN]), "CONSULT")


def test_talk_needs_a_partner() -> None:
    t = "राम यादव ने कहा कि लोग इस तरह की बात कर रहे हैं। राम यादव ने मोदी से बात की।"
    evs = of(run(t, [YADAV, MODI]), "CONSULT")
    assert len(evs) == 1 and parts(evs[0]) == {"Ram Yadav", "Narendra Modi"}


def test_a_video_meeting_and_a_phone_call_stay_apart_and_a_measure_is_not_an_arrest() -> None:
    t = "मोदी ने अमित शाह के साथ विडियो कॉन्फ्रेंसिंग के जरिए बैठक की। बाद में मोदी ने अमित शाह से फोन पर बात की।"
    modes = sorted(e.mode or "" for e in of(run(t, [MODI, SHAH]), "CONSULT"))
    assert modes == ["phone", "video"]
    t = "बिहार पुलिस ने धारा 144 लागू कर दी है। बिहार पुलिस ने राम यादव को गिरफ्तार किया है।"
    police = lambda s: ent(s, "Bihar Police", "ORG", "बिहार पुलिस")  # noqa: E731
    evs = of(run(t, [police, YADAV]), "COERCE")
    assert len(evs) == 2


def test_a_measure_agent_may_follow_the_noun() -> None:
    t = "लॉकडाउन को तीन मई तक बढ़ाने की मोदी द्वारा घोषणा के बाद मजदूर सड़क पर आ गए।"
    e = of(run(t, [MODI]), "COERCE")
    assert e and e[0].actors == ("Narendra Modi",)


def test_a_nominal_event_in_a_time_adjunct_keeps_no_parties_of_the_main_clause() -> None:
    t = "राम यादव को ओडिशा के निकट हुए लुटेरों के हमले के दौरान गिरफ्तार कर लिया गया।"
    e = of(run(t, [YADAV, ODISHA]), "ASSAULT")
    assert e and not parts(e[0])


# ---------------------------------------------------------------- new triggers, place, date


def test_requests_by_asking() -> None:
    t = "कलेक्टर राम यादव ने लोगों से कहा है कि वे घरों में रहें।"
    assert [e.actors for e in of(run(t, [YADAV]), "REQUEST")] == [("Ram Yadav",)]
    t = "सीता वर्मा ने बिहार सरकार को राशन देने के लिए कहा है।"
    e = of(run(t, [VERMA, GOV_BIHAR]), "REQUEST")
    assert e and parts(e[0]) == {"Sita Verma", "Government of Bihar"}
    t = "राम यादव ने पत्रकारों से कहा कि सभी खिलाड़ी सुरक्षित हैं।"
    assert not of(run(t, [YADAV]), "REQUEST")


def test_accepting_an_offer_is_agreement_and_sending_supplies_is_aid() -> None:
    t = "नेपाल ने भारत की यह पेशकश खुशी-खुशी स्वीकार कर ली।"
    e = of(run(t, [NEPAL, INDIA]), "AGREE")
    assert e and "Nepal" in e[0].actors
    t = "भारत ने वादा किया कि वह नेपाल को दो लाख मास्क भेजेगा।"
    e = of(run(t, [INDIA, NEPAL]), "AID")
    assert e and e[0].status == "planned"


def test_a_meeting_called_off_is_negated() -> None:
    t = "भाजपा की बैठक स्थगित"
    e = of(run(t, [BJP]), "CONSULT")
    assert e and e[0].status == "negated" and parts(e[0]) == {"Bharatiya Janata Party"}


def test_a_place_in_a_comparison_after_the_trigger_is_not_its_place() -> None:
    t = "शनिवार को भूकंप का समय गुजरात के सन् 2001 के विनाशकारी भूकंप जैसा ही था।"
    evs = run(t, [GUJARAT], [time(t, "शनिवार", "2005-10-08"), time(t, "2001", "2001")])
    dated = {e.date: e.location for e in of(evs, "DISASTER")}
    assert dated.get("2005-10-08") is None


def test_a_time_after_the_next_trigger_of_the_type_is_not_this_ones() -> None:
    from vaarta.events_context import _Times

    t = "गुजरात के भूकंप के समय दिल्ली में लगे झटकों के मुकाबले शनिवार का भूकंप तेज था।"
    dates = _Times([time(t, "शनिवार", "2005-10-08")], t)
    first, second = t.index("भूकंप"), t.rindex("भूकंप")
    assert dates.date(0, len(t), first, second) is None  # "शनिवार का" dates the second quake
    assert dates.date(0, len(t), first) == "2005-10-08"
    assert dates.date(0, len(t), second) == "2005-10-08"
