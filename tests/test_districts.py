"""India's districts in the knowledge base: the southern, north-eastern and UT districts
(issue 3) — one entity per Hindi name within a state, district → state → India nesting,
and linking in Hindi sentences."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from vaarta.kb import KBEntity, KnowledgeBase, default_kb
from vaarta.translit import is_devanagari, name_key

TSV = Path(__file__).parents[1] / "src/vaarta/data/kb/india_districts.tsv"

# districts per state/UT as of 2024 (header of india_districts.tsv)
NEW_STATES = {
    "Andhra Pradesh": 26,
    "Telangana": 33,
    "Karnataka": 31,
    "Kerala": 14,
    "Tamil Nadu": 38,
    "Goa": 2,
    "Assam": 35,
    "Arunachal Pradesh": 28,
    "Manipur": 16,
    "Meghalaya": 12,
    "Mizoram": 11,
    "Nagaland": 17,
    "Sikkim": 6,
    "Tripura": 8,
    "Puducherry": 4,
    "Chandigarh": 1,
    "Andaman and Nicobar Islands": 3,
    "Lakshadweep": 1,
    "Dadra and Nagar Haveli and Daman and Diu": 3,
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


@pytest.fixture(scope="module")
def res() -> Any:
    from vaarta.pipeline import load_resources

    return load_resources(with_ner=False)


def linked(text: str, res: Any) -> dict[str, list[str]]:
    """Canonical name → mention texts of the places found in ``text``."""
    from vaarta.entities import find_entities
    from vaarta.segment import make_document

    ents, _ = find_entities(make_document(text), res)
    return {e.name: [m.text for m in e.mentions] for e in ents if e.type == "LOC"}


def _district_rows() -> list[list[str]]:
    rows = [line.split("\t") for line in TSV.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return rows[1:]


def _is_district_of(e: KBEntity, state: str) -> bool:
    # own district rows, and cities/UTs that stand for a district (alias "X district")
    in_state = e.region == state or (e.name == state and e.kind == "union-territory")
    return in_state and (e.kind == "district" or any(a.endswith(" district") for a in e.aliases))


def test_header_counts_every_state_and_ut(kb: KnowledgeBase) -> None:
    head = TSV.read_text("utf-8").splitlines()[0]
    for state, n in NEW_STATES.items():
        assert f"{state} {n}," in head or f"{state} {n} " in head, state
        assert kb.get(state) is not None and kb.get(state).country == "India", state  # type: ignore[union-attr]
    total = sum(int(n) for n in re.findall(r"[A-Za-z)] (\d+)[,. ]", head.split("Districts per state/UT: ")[1]))
    assert f"(all {total})" in head


@pytest.mark.parametrize("state", sorted(NEW_STATES))
def test_each_new_state_has_all_its_districts(kb: KnowledgeBase, state: str) -> None:
    got = [e.name for e in kb if _is_district_of(e, state)]
    assert len(got) == NEW_STATES[state], sorted(got)


def test_no_duplicate_place_per_name_and_state(kb: KnowledgeBase) -> None:
    """No two Indian places share a Hindi name within one state; every district's Hindi forms
    resolve, within its state, to that district alone."""
    seen: dict[tuple[str, str], str] = {}
    for e in kb:
        if e.type != "LOC" or e.country != "India" or not e.region or not e.name_hi:
            continue
        key = (name_key(e.name_hi), e.region)
        assert key not in seen, (e.name, seen.get(key))
        seen[key] = e.name
    for e in kb:
        if e.kind != "district":
            continue
        for form in (e.name_hi, *e.aliases):
            if is_devanagari(form):
                same_state = [x.name for x in kb.lookup(form) if x.region == e.region]
                assert same_state == [e.name], (form, same_state)


def test_every_district_nests_district_state_india(kb: KnowledgeBase) -> None:
    from vaarta.crossdoc_places import chain, place_hierarchy
    from vaarta.crossdoc_types import fold

    inside = place_hierarchy(kb)
    for e in kb:
        if e.kind != "district" or e.source != "india_districts.tsv":
            continue
        state = kb.get(e.region or "")
        assert e.country == "India" and state is not None, e.name
        assert state.kind in ("state", "union-territory") and state.country == "India", e.name
        assert chain(fold(e.name), inside)[-2:] == (fold(state.name), "india"), e.name
    assert chain(fold("Ernakulam district"), inside) == ("ernakulam district", "kerala", "india")


def test_headquarters_city_stands_for_its_district(kb: KnowledgeBase) -> None:
    for city, district in [
        ("Chennai", "Chennai district"),
        ("Hyderabad", "Hyderabad district"),
        ("Bengaluru", "Bengaluru Urban district"),
        ("Thiruvananthapuram", "Thiruvananthapuram district"),
        ("Kozhikode", "Kozhikode district"),
        ("Visakhapatnam", "Visakhapatnam district"),
        ("Gangtok", "Gangtok district"),
        ("Tiruchirappalli", "Tiruchirappalli district"),
    ]:
        assert kb.get(district) is kb.entities[city], district
    assert [e.name for e in kb.lookup("त्रिवेंद्रम")] == ["Thiruvananthapuram"]
    assert [e.name for e in kb.lookup("कालीकट")] == ["Kozhikode"]
    assert [e.name for e in kb.lookup("कलबुर्गी")] == [e.name for e in kb.lookup("गुलबर्गा")] == ["Kalaburagi"]
    assert [e.name for e in kb.lookup("बेलगाम")] == ["Belagavi district"]


@pytest.mark.parametrize("word", ["दमन", "माहे", "फेक", "कृष्णा", "कछार", "सेनापति", "गोमती", "हासन", "निर्मल", "चंदेल"])
def test_common_word_districts_need_the_word_district(kb: KnowledgeBase, word: str) -> None:
    assert not [e for e in kb.lookup(word) if e.kind == "district"]
    assert [e for e in kb.lookup(f"{word} जिले") if e.kind == "district"]


def test_linking_south_indian_districts(res: Any) -> None:
    found = linked("केरल के एर्नाकुलम जिले में बाढ़ से 3 लोगों की मौत हो गई।", res)
    assert found["Ernakulam district"] == ["एर्नाकुलम"] and "Kerala" in found
    found = linked("तेलंगाना के वारंगल और आंध्र प्रदेश के गुंटूर में भारी बारिश से फसलें बर्बाद हो गईं।", res)
    assert {"Warangal district", "Guntur district", "Telangana", "Andhra Pradesh"} <= set(found)
    found = linked("तमिलनाडु के कल्लाकुरिची में जहरीली शराब पीने से कई लोगों की जान चली गई।", res)
    assert "Kallakurichi district" in found
    found = linked("कर्नाटक के हासन जिले में अभिनेता कमल हासन की फिल्म देखने भीड़ उमड़ी।", res)
    assert found.get("Hassan district") == ["हासन जिले"]  # the actor's surname is not the district


def test_linking_north_eastern_districts(res: Any) -> None:
    found = linked("मणिपुर के चुराचांदपुर और बिष्णुपुर जिलों में हिंसा के बाद इंफाल पूर्व में कर्फ्यू लगाया गया।", res)
    assert {"Churachandpur district", "Bishnupur district", "Imphal East district"} <= set(found)
    assert "Imphal" not in found  # the longer name wins
    found = linked("सिक्किम के मंगन जिले में भूस्खलन से सड़क बंद हो गई।", res)
    assert found.get("Mangan district") == ["मंगन"]
    found = linked("नगालैंड के मोन जिले में फेक न्यूज फैलाने के आरोप में एक व्यक्ति गिरफ्तार हुआ।", res)
    assert found.get("Mon district") == ["मोन जिले"] and "Phek district" not in found


def test_same_name_in_two_states_follows_the_article(res: Any) -> None:
    assam = linked("असम के डिब्रूगढ़ और लखीमपुर में ब्रह्मपुत्र का जलस्तर बढ़ गया।", res)
    assert "Lakhimpur district, Assam" in assam and "Dibrugarh district" in assam
    up = linked("उत्तर प्रदेश के लखीमपुर में किसानों ने धरना दिया।", res)
    assert "Lakhimpur Kheri" in up and "Lakhimpur district, Assam" not in up


def test_event_place_is_the_new_district(res: Any) -> None:
    from vaarta.pipeline import analyse
    from vaarta.segment import make_document

    rec = analyse(make_document("केरल के एर्नाकुलम जिले में बाढ़ से 3 लोगों की मौत हो गई।"), res)
    assert [e.location for e in rec.events] == ["Ernakulam district"]


def test_the_longest_place_name_links_whole() -> None:
    """Eight words: longer than the linker's old span limit of seven."""
    from vaarta import analyse_text

    rec = analyse_text("केंद्र शासित प्रदेश दादरा और नगर हवेली और दमन और दीव में नए जिलाधिकारी ने कार्यभार संभाला।")
    assert [e.name for e in rec.entities if e.type == "LOC"] == ["Dadra and Nagar Haveli and Daman and Diu"]
