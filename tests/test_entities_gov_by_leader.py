"""``<chief minister's name> [की] सरकार`` → the government of the state that person headed on the
publication date (Hindi sentences written for these tests)."""

from __future__ import annotations

import pytest

from vaarta import entities_roles
from vaarta.entities import find_entities
from vaarta.kb import default_kb
from vaarta.model import Entity, Resources
from vaarta.segment import make_document

RES = Resources(kb=default_kb())


def run(text: str, published: str | None) -> list[Entity]:
    doc = make_document(text, published=published)
    ents, _flags = find_entities(doc, RES)
    for e in ents:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text
    return ents


def spans(ents: list[Entity], name: str) -> list[str]:
    return [m.text for e in ents if e.name == name for m in e.mentions]


def governments(ents: list[Entity]) -> set[str]:
    return {e.name for e in ents if e.name.startswith("Government of ")}


@pytest.mark.parametrize(
    ("text", "date", "gov", "span"),
    [
        ("योगी सरकार ने सभी स्कूल बंद करने का आदेश दिया।", "2020-03-20", "Government of Uttar Pradesh", "योगी सरकार"),
        ("पटना में नीतीश सरकार ने लॉकडाउन बढ़ाया।", "2020-04-10", "Government of Bihar", "नीतीश सरकार"),
        ("मुंबई में उद्धव सरकार ने दुकानें खोलीं।", "2020-05-02", "Government of Maharashtra", "उद्धव सरकार"),
        ("विपक्ष ने ठाकरे सरकार पर सवाल उठाए।", "2021-01-15", "Government of Maharashtra", "ठाकरे सरकार"),
        ("केजरीवाल सरकार ने मॉल बंद करने का फैसला किया।", "2020-03-20", "Government of Delhi", "केजरीवाल सरकार"),
        ("गहलोत सरकार ने कर्फ्यू लगाया।", "2020-03-22", "Government of Rajasthan", "गहलोत सरकार"),
        ("योगी आदित्यनाथ सरकार ने नया आदेश जारी किया।", "2019-06-01", "Government of Uttar Pradesh", "योगी आदित्यनाथ सरकार"),
        ("नीतीश कुमार की सरकार ने राहत पैकेज दिया।", "2020-04-10", "Government of Bihar", "नीतीश कुमार की सरकार"),
        ("बैठक के बाद योगी की सरकार ने फैसला बदला।", "2021-07-01", "Government of Uttar Pradesh", "योगी की सरकार"),
        ("गुजरात में मोदी सरकार ने नई नीति बनाई।", "2010-03-20", "Government of Gujarat", "मोदी सरकार"),
    ],
)
def test_government_named_by_its_chief_minister(text: str, date: str, gov: str, span: str) -> None:
    ents = run(text, date)
    assert governments(ents) == {gov}
    assert spans(ents, gov) == [span]
    assert next(e for e in ents if e.name == gov).type == "ORG"


def test_leader_keeps_a_mention_of_the_name() -> None:
    ents = run("योगी सरकार ने सभी स्कूल बंद करने का आदेश दिया।", "2020-03-20")
    assert spans(ents, "Yogi Adityanath") == ["योगी"]
    ents = run("नीतीश कुमार की सरकार ने राहत पैकेज दिया।", "2020-04-10")
    assert spans(ents, "Nitish Kumar") == ["नीतीश कुमार"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("उद्धव सरकार पर सवाल उठे।", "2023-04-10"),  # Eknath Shinde was chief minister then
        ("योगी सरकार ने आदेश दिया।", "2015-06-01"),  # before Yogi Adityanath's term
        ("गहलोत सरकार ने कर्फ्यू लगाया।", "2024-05-01"),  # after Ashok Gehlot's term
        ("राहुल सरकार ने फैसला लिया।", "2020-03-20"),  # not a head of government
        ("राहुल गांधी की सरकार बनेगी, कार्यकर्ताओं ने कहा।", "2020-03-20"),
        ("ललित मोदी सरकार से नाराज हैं।", "2010-03-20"),  # another person's name
        ("मोदी सरकार ने फैसला लिया।", "2020-03-20"),  # prime ministers do not link (LINKED_ROLES)
        ("यादव सरकार ने फैसला लिया।", "2024-03-01"),  # a common surname alone is nobody's name
    ],
)
def test_no_government_outside_a_term_or_for_others(text: str, date: str) -> None:
    assert governments(run(text, date)) == set()


def test_without_a_date_only_an_unambiguous_name() -> None:
    ents = run("योगी सरकार ने सभी स्कूल बंद करने का आदेश दिया।", None)
    assert spans(ents, "Government of Uttar Pradesh") == ["योगी सरकार"]
    # Modi's latest office is India's prime minister, which does not link
    assert governments(run("मोदी सरकार ने फैसला लिया।", None)) == set()
    assert governments(run("राहुल सरकार ने फैसला लिया।", None)) == set()


def test_place_template_and_leader_in_one_article() -> None:
    ents = run("उत्तर प्रदेश सरकार और बिहार की नीतीश सरकार ने मजदूरों के लिए बसें चलाईं।", "2020-03-28")
    assert spans(ents, "Government of Uttar Pradesh") == ["उत्तर प्रदेश सरकार"]
    assert spans(ents, "Government of Bihar") == ["नीतीश सरकार"]
    assert spans(ents, "Bihar") == ["बिहार"]


def test_prime_ministers_link_when_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entities_roles, "LINKED_ROLES", frozenset({"chief-minister", "prime-minister"}))
    ents = run("मोदी सरकार ने लॉकडाउन का फैसला लिया।", "2020-03-24")
    assert spans(ents, "Government of India") == ["मोदी सरकार"]
    assert spans(ents, "Narendra Modi") == ["मोदी"]
