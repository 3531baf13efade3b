"""The knowledge base: loading, spelling-normalised lookup, office-holders, user extras."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from vaarta.kb import KBFormatError, KnowledgeBase, default_kb
from vaarta.translit import name_key, phonetic_key, similarity, to_latin


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def names(ents: list) -> list[str]:  # type: ignore[type-arg]
    return [e.name for e in ents]


def test_name_key_folds_spelling_variants() -> None:
    assert name_key("राँची") == name_key("रांची")
    assert name_key("पाकिस्\u200dतान") == name_key("पाकिस्तान")
    assert name_key("ज़फ़र") == name_key("जफर")
    assert name_key("हिन्दी") == name_key("हिंदी")
    assert name_key("मॉस्को") == name_key("मास्को")
    assert name_key("जम्मू-कश्मीर") == name_key("जम्मू कश्मीर")
    assert name_key("Xi  Jinping") == name_key("xi jinping")
    assert name_key("बलूचिस्तान") != name_key("वलूचिस्तान")  # व/ब are not folded


@pytest.mark.parametrize("s", ["राँची", "ज़फ़र मिर्ज़ा", "António Guterres", "श्री", ""])
def test_name_key_idempotent(s: str) -> None:
    assert name_key(name_key(s)) == name_key(s)


def test_transliteration_and_similarity() -> None:
    assert to_latin("राहुल गांधी") == "Rahul Gandhi"
    assert to_latin("अरविंद") == "Arvind"
    assert phonetic_key("शी जिनपिंग") == phonetic_key("Xi Jinping")
    assert similarity("व्लादिमीर पुतिन", "Vladimir Putin") > 0.9
    assert similarity("शी जिनपिंघ", "शी जिनपिंग") > 0.84
    assert similarity("राहुल गांधी", "Xi Jinping") < 0.5


def test_lookup_both_scripts_and_demonyms(kb: KnowledgeBase) -> None:
    assert names(kb.lookup("रूस")) == ["Russia"]
    assert names(kb.lookup("रूसी")) == ["Russia"]
    assert kb.is_demonym("ब्रिटिश") and names(kb.lookup("ब्रिटिश")) == ["United Kingdom"]
    assert names(kb.lookup("कनाडाई")) == ["Canada"]
    assert names(kb.lookup("xi jinping")) == ["Xi Jinping"]
    assert names(kb.lookup("शी जिनपिंग")) == ["Xi Jinping"]
    assert names(kb.lookup("भाजपा")) == ["Bharatiya Janata Party"]
    assert names(kb.lookup("राँची")) == ["Ranchi"]
    assert set(names(kb.lookup("औरंगाबाद"))) == {"Aurangabad, Bihar", "Aurangabad, Maharashtra"}
    assert kb.get("Russia") is not None and kb.get("Russia").kb_id == "Q159"  # type: ignore[union-attr]


def test_find_falls_back_to_transliteration(kb: KnowledgeBase) -> None:
    assert names(kb.find("शी जिनपिंघ"))[0] == "Xi Jinping"
    assert names(kb.find("Hua Chunyin"))[0] == "Hua Chunying"
    assert kb.find("क्ष्त्रज्ञ") == []


def test_holders_by_date(kb: KnowledgeBase) -> None:
    assert kb.holder("president", "Russia", "2021-12-13").name == "Vladimir Putin"  # type: ignore[union-attr]
    assert kb.holder("president", "Russia", "2010").name == "Dmitry Medvedev"  # type: ignore[union-attr]
    assert kb.holder("प्रधानमंत्री", "ब्रिटेन", "2026-01-10").name == "Keir Starmer"  # type: ignore[union-attr]
    assert kb.holder("राष्ट्रपति", "अमेरिकी", "2026-02-01").name == "Donald Trump"  # type: ignore[union-attr]
    assert kb.holder("president", "United States", "2022-06-01").name == "Joe Biden"  # type: ignore[union-attr]
    assert kb.holder("मुख्यमंत्री", "उत्तर प्रदेश", "2020-04-15").name == "Yogi Adityanath"  # type: ignore[union-attr]
    assert kb.holder("chancellor", "Germany", None).name == "Friedrich Merz"  # type: ignore[union-attr]
    assert kb.holder("president", "Russia", "1990-01-01") is None
    assert kb.holder("president", "Atlantis", "2020-01-01") is None
    assert [e.name for e in kb.holders("president", "China")][-1] == "Xi Jinping"


def test_every_office_holder_is_a_person(kb: KnowledgeBase) -> None:
    for terms in kb.offices.values():
        for t in terms:
            assert kb.entities[t.holder].type == "PER"
            assert t.end is None or t.start < t.end


def test_stats_and_pickle(kb: KnowledgeBase) -> None:
    st = kb.stats()
    assert st["kind:country"] >= 190 and st["kind:state"] >= 28 and st["type:PER"] >= 250
    assert st["office_terms"] >= 300
    again = pickle.loads(pickle.dumps(kb))
    assert names(again.lookup("रूसी")) == ["Russia"]


def test_every_data_file_names_its_source() -> None:
    kb_dir = Path(__file__).resolve().parents[1] / "src" / "vaarta" / "data" / "kb"
    for p in kb_dir.iterdir():
        first = p.read_text("utf-8").splitlines()[0]
        assert first.startswith("# source:"), p.name


def test_user_extra_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tsv = tmp_path / "mine.tsv"
    tsv.write_text(
        "# source: test\nname\ttype\tkb_id\tname_hi\taliases\n"
        "Ramesh Chandra Kulkarni\tPER\t\tरमेश चंद्र कुलकर्णी\tकुलकर्णी जी\n"
        "Russia\tLOC\t\t\tरूसी महासंघ\n",
        "utf-8",
    )
    jl = tmp_path / "mine.jsonl"
    jl.write_text(
        '{"name": "Gram Vikas Samiti", "type": "ORG", "aliases": ["ग्राम विकास समिति"]}\n'
        '{"office": "sarpanch", "jurisdiction": "India", "holder": "Ramesh Chandra Kulkarni",'
        ' "start": "2021-01-01", "end": null}\n',
        "utf-8",
    )
    kb = KnowledgeBase.load(extra_paths=[tsv])
    assert names(kb.lookup("कुलकर्णी जी")) == ["Ramesh Chandra Kulkarni"]
    assert names(kb.lookup("रूसी महासंघ")) == ["Russia"]  # merged into the packaged entity
    assert kb.get("Russia").kb_id == "Q159"  # type: ignore[union-attr]
    monkeypatch.setenv("VAARTA_KB_EXTRA", f"{tsv}{__import__('os').pathsep}{jl}")
    kb2 = KnowledgeBase.load()
    assert names(kb2.lookup("ग्राम विकास समिति")) == ["Gram Vikas Samiti"]
    assert kb2.holder("sarpanch", "India", "2022-05-01").name == "Ramesh Chandra Kulkarni"  # type: ignore[union-attr]


def test_bad_extra_files_say_where(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\ttype\nSomething\tPLACE\n", "utf-8")
    with pytest.raises(KBFormatError, match=r"bad\.tsv:2"):
        KnowledgeBase.load(extra_paths=[bad])
    with pytest.raises(FileNotFoundError, match="VAARTA_KB_EXTRA"):
        KnowledgeBase.load(extra_paths=[tmp_path / "missing.tsv"])


def test_derived_indexes_are_built_once_per_kb() -> None:
    kb = KnowledgeBase.load()
    calls = []

    def build(k: KnowledgeBase) -> object:
        calls.append(1)
        return {"n": len(k)}

    assert kb.derived("t", build) is kb.derived("t", build)
    assert calls == [1]


# ---- India's districts (india_districts.tsv) ---------------------------------------------
_DISTRICT_STATES = {
    "Uttar Pradesh": 75,
    "Bihar": 38,
    "Madhya Pradesh": 55,
    "Rajasthan": 41,
    "Maharashtra": 36,
    "Gujarat": 33,
    "Jharkhand": 24,
    "Haryana": 22,
    "Punjab, India": 23,
    "Uttarakhand": 13,
    "Himachal Pradesh": 12,
    "Chhattisgarh": 33,
    "Delhi": 11,
    "Jammu and Kashmir": 20,
    "West Bengal": 23,
    "Odisha": 30,
}


def test_district_nests_in_state_and_country(kb: KnowledgeBase) -> None:
    e = kb.get("Sitamarhi district")
    assert e is not None and e.kind == "district" and e.type == "LOC"
    assert (e.region, e.country) == ("Bihar", "India")
    state = kb.get(e.region)
    assert state is not None and state.kind == "state" and state.country == "India"
    assert names(kb.lookup("सीतामढ़ी")) == ["Sitamarhi district"]
    assert names(kb.lookup("Sitamarhi")) == ["Sitamarhi district"]
    assert names(kb.lookup("बदायूँ")) == names(kb.lookup("बदायूं")) == ["Budaun district"]
    assert names(kb.lookup("पश्चिमी चंपारण")) == ["West Champaran district"]


def test_every_district_is_findable_once_per_state(kb: KnowledgeBase) -> None:
    """Each listed district resolves, by its Hindi name, to one place of its own state."""
    text = (Path(__file__).parents[1] / "src/vaarta/data/kb/india_districts.tsv").read_text("utf-8")
    assert text.startswith("# source:")
    new = [e for e in kb if e.source == "india_districts.tsv" and e.kind == "district"]
    assert len(new) > 350
    for e in new:
        assert e.country == "India" and e.region in kb.entities, e.name
        same_state = [x for x in kb.lookup(e.name_hi) if x.region == e.region]
        assert same_state == [e], (e.name, names(same_state))


def test_district_headquarters_city_is_not_duplicated(kb: KnowledgeBase) -> None:
    # a district named like its city is the city entity, which gains the district's names
    assert names(kb.lookup("गोरखपुर")) == ["Gorakhpur"]
    assert kb.get("Gorakhpur district") is kb.entities["Gorakhpur"]
    assert kb.entities["Gorakhpur"].name_hi == "गोरखपुर"
    assert names(kb.lookup("कानपुर नगर")) == ["Kanpur"] and kb.entities["Kanpur"].name_hi == "कानपुर"
    assert names(kb.lookup("मोहाली")) == ["Mohali"]


def test_district_counts_per_state(kb: KnowledgeBase) -> None:
    """Districts of a state: own rows plus cities/places of that state that stand for one."""
    text = (Path(__file__).parents[1] / "src/vaarta/data/kb/india_districts.tsv").read_text("utf-8")
    head = text.splitlines()[0]
    for state, n in _DISTRICT_STATES.items():
        assert f"{state.replace(', India', '')} {n}" in head.replace("Punjab, India", "Punjab"), state


def test_same_district_name_in_two_states_is_ambiguous(kb: KnowledgeBase) -> None:
    regions = sorted(e.region or "" for e in kb.lookup("प्रतापगढ़"))
    assert regions == ["Rajasthan", "Uttar Pradesh"]
    assert {e.region for e in kb.lookup("बिलासपुर")} == {"Chhattisgarh", "Himachal Pradesh"}


@pytest.mark.parametrize("word", ["सीधी", "गुना", "धार", "मंडी", "पन्ना", "सागर", "नदिया", "संभल", "पाली", "आनंद", "पूंछ"])
def test_common_word_districts_need_the_word_district(kb: KnowledgeBase, word: str) -> None:
    assert not [e for e in kb.lookup(word) if e.kind == "district"]
    assert [e for e in kb.lookup(f"{word} जिले") if e.kind == "district"] or word == "पूंछ"


def test_linker_finds_districts_and_skips_common_words() -> None:
    from vaarta.entities import find_entities
    from vaarta.pipeline import load_resources
    from vaarta.segment import make_document

    res = load_resources(with_ner=False)
    text = (
        "बिहार के सीतामढ़ी और मधेपुरा में बाढ़ से कई गांव डूब गए। "
        "मध्य प्रदेश के सीधी जिले में बस नहर में गिरी। वह सीधी सड़क से घर गया। "
        "हिमाचल के मंडी जिले में बादल फटा, पर अनाज मंडी खुली रही। पंजाब के मोहाली में बारिश हुई।"
    )
    ents, _ = find_entities(make_document(text), res)
    found = {e.name: [m.text for m in e.mentions] for e in ents}
    assert "Sitamarhi district" in found and "Madhepura district" in found
    assert found.get("Sidhi district") == ["सीधी जिले"]
    assert found.get("Mandi district") == ["मंडी जिले"]
    assert "Mohali" in found
