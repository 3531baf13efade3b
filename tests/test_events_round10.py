"""Round 10 event rules (implied parties, places told before, per-actor praise, bulletin
phrasings), on Hindi sentences written for them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


from conftest_events import ent, time
from conftest_events import of_type as of
from conftest_events import run_events as run

NEPAL = lambda t: ent(t, "Nepal", "LOC", "नेपाल")  # noqa: E731
INDIA = lambda t: ent(t, "India", "LOC", "भारत")  # noqa: E731
CHINA = lambda t: ent(t, "China", "LOC", "चीन")  # noqa: E731
UN = lambda t: ent(t, "United Nations", "ORG", "संयुक्त राष्ट्र", "यूएन")  # noqa: E731
KATHMANDU = lambda t: ent(t, "Kathmandu", "LOC", "काठमांडू")  # noqa: E731
PUNE = lambda t: ent(t, "Pune", "LOC", "पुणे")  # noqa: E731
MAHA = lambda t: ent(t, "Maharashtra", "LOC", "महाराष्ट्र")  # noqa: E731
KOTHRUD = lambda t: ent(t, "Kothrud", "LOC", "कोथरूड")  # noqa: E731
MODI = lambda t: ent(t, "Narendra Modi", "PER", "नरेंद्र मोदी", "मोदी")  # noqa: E731
SITA = lambda t: ent(t, "Sita Devi", "PER", "सीता देवी")  # noqa: E731
GITA = lambda t: ent(t, "Gita Rani", "PER", "गीता रानी")  # noqa: E731
INDORE = lambda t: ent(t, "Indore", "LOC", "इंदौर")  # noqa: E731


def test_talks_with_no_party_in_an_article_about_one_country_are_its() -> None:
    t = (
        "नेपाल में सरकार और विद्रोहियों के बीच लंबे समय से तनाव है। नेपाल की सरकार ने कहा कि हालात सुधर रहे हैं। "
        "नेपाल के कई जिलों में शांति है। दोनों पक्षों के बीच अगले हफ्ते फिर बातचीत होगी।"
    )
    consult = of(run(t, [NEPAL]), "CONSULT")
    assert [(c.actors, c.status) for c in consult] == [(("Nepal",), "planned")]


def test_no_implied_party_when_no_country_leads() -> None:
    t = "भारत और चीन के रिश्ते पुराने हैं। भारत ने कहा कि चीन से संपर्क है। दोनों पक्षों के बीच अगले हफ्ते बातचीत होगी।"
    assert of(run(t, [INDIA, CHINA]), "CONSULT") == []


def test_an_agreement_signed_abroad_is_the_subject_countrys() -> None:
    t = "नेपाल में लड़ाई जारी है। नेपाल की सेना ने कई इलाकों पर कब्जा किया। नेपाल के लोग परेशान हैं। काठमांडू में हुए इस समझौते के तहत लड़ाई रुकेगी।"
    agree = of(run(t, [NEPAL, KATHMANDU]), "AGREE")
    assert [a.actors for a in agree] == [("Nepal",)]


def test_each_coordinated_praising_party_is_its_own_support_event() -> None:
    t = "इससे पहले चीन के कुछ नेताओं और यूएन द्वारा भी भारत के प्रयासों की सराहना की जा चुकी है।"
    sup = of(run(t, [CHINA, UN, INDIA]), "SUPPORT")
    assert sorted(s.actors for s in sup) == [("China",), ("United Nations",)]
    assert all(s.recipients == ("India",) for s in sup)


def test_support_in_both_directions_is_two_events() -> None:
    t = "सीता देवी ने कहा कि वह गीता रानी का समर्थन करती हैं। बाद में गीता रानी ने भी सीता देवी का समर्थन किया।"
    sup = of(run(t, [SITA, GITA]), "SUPPORT")
    assert sorted(s.actors for s in sup) == [("Gita Rani",), ("Sita Devi",)]


def test_a_name_in_parentheses_takes_the_postposition_after_them() -> None:
    t = "सीता देवी ने सोमवार को दीदी (गीता रानी) को पूरा समर्थन दिया।"
    sup = of(run(t, [SITA, GITA]), "SUPPORT")
    assert [(s.actors, s.recipients) for s in sup] == [(("Sita Devi",), ("Gita Rani",))]


def test_refusing_support_while_saying_something_is_no_support() -> None:
    t = "सीता देवी ने गीता रानी का समर्थन करने से यह कहते हुए इनकार कर दिया कि वह राजनीति से दूर रहेंगी।"
    evs = run(t, [SITA, GITA])
    assert of(evs, "SUPPORT") == []
    assert of(evs, "REJECT")


def test_taking_to_the_streets_is_a_protest_at_the_place_named_before() -> None:
    t = "पुणे के कोथरूड में मजदूरों का गुस्सा बढ़ा।\n\nफैक्ट्री बंद होने के बाद सैकड़ों मजदूर यहां सड़क पर उतर आए।"
    prot = of(run(t, [PUNE, KOTHRUD]), "PROTEST")
    assert [(p.location, p.actors) for p in prot] == [("Kothrud", ())]


def test_the_agent_of_an_adjunct_is_not_the_protester() -> None:
    t = "पुणे में मोदी द्वारा घोषणा करने के कुछ ही घंटे बाद हजारों मजदूर सड़कों पर आ गए।"
    prot = of(run(t, [PUNE, MODI]), "PROTEST")
    assert [(p.location, p.actors) for p in prot] == [("Pune", ())]


def test_police_action_right_after_a_protest_is_at_the_protest() -> None:
    t = "मंगलवार को इंदौर में सैकड़ों मजदूर सड़कों पर उतर आए। लोग शाम तक वहीं जमा रहे। बाद में पुलिस ने लाठीचार्ज किया।"
    evs = run(t, [INDORE], [time(t, "मंगलवार", "2020-04-14")])
    coerce = of(evs, "COERCE")
    assert [(c.location, c.date) for c in coerce] == [("Indore", "2020-04-14")]


def test_police_action_with_no_protest_before_stays_unplaced() -> None:
    t = "इंदौर में बाजार खुले रहे। लोग शाम तक घूमते रहे। मौसम अच्छा था। बाद में पुलिस ने लाठीचार्ज किया।"
    assert of(run(t, [INDORE]), "COERCE") == []


def test_a_headline_count_with_no_verb_is_a_report() -> None:
    t = "इंदौर में कोरोना के अब तक 31 मामले\n\nशहर में लोगों से घर पर रहने को कहा गया है।"
    epi = [e for e in run(t, [INDORE]) if e.mode == "epidemic"]
    assert [e.location for e in epi] == ["Indore"]


def test_people_found_infected_with_a_noun_between_is_a_report() -> None:
    t = "कोरोना वायरस के बीच इंदौर में शुक्रवार को 12 लोग संक्रमित लोग मिले हैं।"
    epi = [e for e in run(t, [INDORE]) if e.mode == "epidemic"]
    assert [e.location for e in epi] == ["Indore"]


def test_cases_called_prakaran_are_a_report() -> None:
    t = "कोरोना वायरस के इंदौर में अब तक 40 प्रकरण सामने आए हैं।"
    epi = [e for e in run(t, [INDORE]) if e.mode == "epidemic"]
    assert [e.location for e in epi] == ["Indore"]


def test_a_number_ending_another_sentence_is_no_report() -> None:
    t = "कोरोना वायरस से बचाव के लिए इंदौर में बसें बंद हैं। शहर में रोज चलने वाली बसें 40"
    assert [e for e in run(t, [INDORE]) if e.mode == "epidemic"] == []
