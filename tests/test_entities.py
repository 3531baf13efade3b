"""Entity finding and linking on Hindi sentences written for these tests, plus a gold gate."""

from __future__ import annotations

import json

from vaarta.entities import find_entities
from vaarta.kb import default_kb
from vaarta.model import Entity, Flag, Resources
from vaarta.segment import make_document

from conftest import shared_path

RES = Resources(kb=default_kb())


def run(text: str, published: str | None = None, res: Resources = RES) -> tuple[list[Entity], list[Flag]]:
    doc = make_document(text, published=published)
    ents, flags = find_entities(doc, res)
    for e in ents:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text
    return ents, flags


def by_name(ents: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in ents}


def test_countries_demonyms_and_full_names() -> None:
    ents, _ = run(
        "रूसी राष्ट्रपति व्लादिमीर पुतिन ने सोमवार को मास्को में कहा कि भारत और चीन के साथ "
        "संबंध मजबूत हैं। जर्मन चांसलर और कनाडाई प्रधानमंत्री भी बैठक में थे।",
        published="2021-12-13",
    )
    d = by_name(ents)
    assert {"Vladimir Putin", "Russia", "Moscow", "India", "China", "Germany", "Canada"} <= set(d)
    assert d["Russia"].aliases == ("रूसी",) and d["Russia"].type == "LOC"
    assert d["Vladimir Putin"].kb_id == "Q7747" and d["Vladimir Putin"].type == "PER"
    assert "कनाडाई" in d["Canada"].aliases


def test_short_forms_and_latin_parentheses() -> None:
    ents, _ = run("चीन के राष्ट्रपति शी जिनपिंग (Xi Jinping) ने बैठक की। बाद में शी ने कहा कि जिनपिंग सरकार व्यापार बढ़ाएगी।")
    xi = by_name(ents)["Xi Jinping"]
    assert {"शी जिनपिंग", "Xi Jinping", "शी", "जिनपिंग"} <= set(xi.aliases)


def test_garbled_name_after_role_links_with_low_confidence_and_flags() -> None:
    text = "रूसी राष्ट्रपति व्लादिमीर पुतिन ने बातचीत की। बाद में रूसी राष्ट्रपति व्लादिमीर अलेक्जेंडर ने ऊर्जा सहयोग की तारीफ की।"
    ents, flags = run(text)
    putin = by_name(ents)["Vladimir Putin"]
    assert "व्लादिमीर अलेक्जेंडर" in putin.aliases
    start = text.index("व्लादिमीर अलेक्जेंडर")
    assert any(f.kind == "suspect-name" and f.start <= start < f.end for f in flags)


def test_garbled_name_resolved_by_date_alone() -> None:
    text = "ब्रिटिश प्रधानमंत्री कीयर स्टारमेर ने लंदन में भाषण दिया।"
    ents, flags = run(text, published="2026-01-10")
    assert "Keir Starmer" in by_name(ents)
    assert flags and flags[0].kind == "suspect-name"


def test_misspelt_name_and_non_person_agent() -> None:
    text = "चीन के राष्ट्रपति शी जिनपिंग और रूसी राष्ट्रपति व्लादिमीर पुतिन ने बात की। ड्रैगन ने शी के साथ कॉल में सहयोग की बात कही।"
    ents, flags = run(text)
    i = text.index("ड्रैगन")
    assert any(f.start == i and f.kind == "suspect-name" for f in flags)
    # the agent is the other leader of the article, not the one named in the same sentence
    assert "ड्रैगन" in by_name(ents)["Vladimir Putin"].aliases


def test_ministries_governments_and_parties() -> None:
    ents, _ = run(
        "पाकिस्तान में विदेश मंत्रालय ने बयान जारी किया। महाराष्ट्र सरकार और भाजपा ने भी प्रतिक्रिया दी। चीनी विदेश मंत्रालय ने इसे खारिज किया।"
    )
    d = by_name(ents)
    assert "Ministry of Foreign Affairs (Pakistan)" in d
    assert "Ministry of Foreign Affairs of the People's Republic of China" in d
    assert "Government of Maharashtra" in d and d["Government of Maharashtra"].type == "ORG"
    assert "Bharatiya Janata Party" in d


def test_ambiguous_city_uses_the_state_named_in_the_article() -> None:
    ents, _ = run("बिहार के औरंगाबाद में बाढ़ आई। गया और पटना में भी बारिश हुई।")
    d = by_name(ents)
    assert "Aurangabad, Bihar" in d and "Aurangabad, Maharashtra" not in d
    assert "Gaya" not in d  # गया = "went"; never linked alone


def test_common_words_are_not_places() -> None:
    ents, _ = run("सरकार ने पूरी तरह से ले लिया फैसला, केस दर्ज हुआ और कोटा तय हुआ।")
    assert ents == []


def test_no_entities_in_boilerplate_words() -> None:
    ents, _ = run("टॉप हेडलाइंस: आज का मौसम साफ रहेगा।")
    assert all(e.name.lower() not in ("top headlines",) for e in ents)


def test_zwj_inside_words() -> None:
    ents, _ = run("जम्\u200dमू-कश्\u200dमीर में पाकिस्\u200dतान की सीमा पर गोलीबारी हुई।")
    d = by_name(ents)
    assert "Jammu and Kashmir" in d and "Pakistan" in d


def test_unknown_people_get_readable_names_with_a_tagger() -> None:
    class FakeTagger:
        def spans(self, tokens: list[str]) -> list[tuple[int, int, str]]:
            out = []
            for i in range(len(tokens) - 1):
                if tokens[i] == "सुरेश" and tokens[i + 1] == "तिवारी":
                    out.append((i, i + 2, "PER"))
            return out

    res = Resources(kb=default_kb(), ner=FakeTagger())
    ents, _ = run("थाना प्रभारी सुरेश तिवारी ने बताया कि जांच जारी है। तिवारी ने कहा कि दोषी पकड़े जाएंगे।", res=res)
    (p,) = [e for e in ents if e.name.startswith("Suresh Tiw")]  # spelling from name_tokens
    assert p.kb_id is None and p.type == "PER" and set(p.aliases) == {"सुरेश तिवारी", "तिवारी"}


def test_works_without_resources() -> None:
    ents, _ = run("नरेंद्र मोदी ने नई दिल्ली में बैठक की।", res=Resources())
    assert {"Narendra Modi", "New Delhi"} <= set(by_name(ents))


# ---- evaluation gate on ../shared gold (entities per spec/gold.md) ----------------------
F1_FLOOR = 0.85  # measured 0.863 on raw article files with the packaged tagger (0.893 cleaned, `vaarta eval`)


def _score(gold_path):  # type: ignore[no-untyped-def]
    try:
        from vaarta.ner import Tagger

        ner = Tagger.load()
    except Exception:  # the tagger is optional
        ner = None
    res = Resources(kb=default_kb(), ner=ner)
    tp = fp = fn = 0
    seeds: dict[str, tuple[int, int, float]] = {}
    for line in gold_path.read_text("utf-8").splitlines():
        g = json.loads(line)
        text = (gold_path.parent / g["file"]).read_text("utf-8")
        doc = make_document(text, published=g["published"])
        ents, flags = find_entities(doc, res)
        used: set[int] = set()
        for e in ents:
            for gi, ge in enumerate(g["entities"]):
                if gi in used or ge["type"] != e.type:
                    continue
                if " ".join(ge["name"].casefold().split()) == " ".join(e.name.casefold().split()) or any(
                    m.text in ge.get("aliases", []) for m in e.mentions
                ):
                    used.add(gi)
                    break
        tp += len(used)
        fp += len(ents) - len(used)
        fn += len(g["entities"]) - len(used)
        sus = [s for s in g.get("suspect", []) if s in doc.text]
        hit = sum(any(f.start < doc.text.index(s) + len(s) and doc.text.index(s) < f.end for f in flags) for s in sus)
        seeds[g["id"]] = (len(used), len(g["entities"]), hit)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return 2 * p * r / max(1e-9, p + r), seeds


def test_gold_dev_entities_gate() -> None:
    gold = shared_path("gold", "dev", "gold.jsonl")
    f1, per_doc = _score(gold)
    assert f1 >= F1_FLOOR, f"entity F1 {f1:.3f} fell below the pinned floor {F1_FLOOR}"
    for seed in ("seed-000", "seed-001"):
        found, total, _ = per_doc[seed]
        assert found == total, f"{seed}: {found}/{total} gold entities found"
    # the garbled Putin and the dragon-as-speaker of seed 000 are flagged
    assert per_doc["seed-000"][2] >= 2


# ---- fixes from the demo corpus review (sentences written for these tests) ------------------
class _SpanTagger:
    """A stand-in tagger that tags the given word sequences (as the real one may glue titles on)."""

    def __init__(self, spans: list[tuple[tuple[str, ...], str]]) -> None:
        self.wanted = spans

    def spans(self, tokens: list[str]) -> list[tuple[int, int, str]]:
        out = []
        for words, typ in self.wanted:
            for i in range(len(tokens) - len(words) + 1):
                if tuple(tokens[i : i + len(words)]) == words:
                    out.append((i, i + len(words), typ))
        return out


def test_demonym_used_as_surname_is_a_person_not_a_country() -> None:
    ents, _ = run("काठमांडू पहुंचे मिस्री। विदेश सचिव विक्रम मिस्री ने नेपाल के अधिकारियों से बात की। बाद में मिस्री ने कहा कि बातचीत अच्छी रही।")
    d = by_name(ents)
    assert "Egypt" not in d
    assert d["Vikram Misri"].type == "PER"
    assert [m.text for m in d["Vikram Misri"].mentions].count("मिस्री") == 2


def test_demonym_as_adjective_still_links_the_country() -> None:
    ents, _ = run("मिस्री सेना ने सीमा पर गश्त बढ़ाई और रूसी विमान लौट गए।")
    assert {"Egypt", "Russia"} <= set(by_name(ents))


def test_common_word_that_spells_like_a_place_is_not_linked() -> None:
    ents, _ = run("बाढ़ में कई घर पूरी तरह बह गए और पूरे गांव में पानी भर गया।")
    assert "Puri" not in by_name(ents)


def test_role_titles_are_stripped_from_tagger_person_spans() -> None:
    tagger = _SpanTagger(
        [
            (("जिलाधिकारी", "अमित", "वर्मा"), "PER"),
            (("एसएसपी", "रवि", "राठौर"), "PER"),
            (("उपराज्यपाल", "मनोज", "सिन्हा"), "PER"),
            (("थानाध्यक्ष",), "ORG"),
        ]
    )
    res = Resources(kb=default_kb(), ner=tagger)
    ents, _ = run(
        "जिलाधिकारी अमित वर्मा ने राहत शिविर का दौरा किया। एसएसपी रवि राठौर ने बताया कि जांच जारी है। "
        "उपराज्यपाल मनोज सिन्हा ने बैठक बुलाई। थानाध्यक्ष मौके पर पहुंचे।",
        res=res,
    )
    names = {e.name for e in ents}
    assert not any(n.lower().startswith(("jiladhikari", "esaespi", "uprajyapal", "thanadhyaksh")) for n in names), names
    d = by_name(ents)
    assert d["Manoj Sinha"].kb_id is None or d["Manoj Sinha"].type == "PER"
    people = {e.name_hi for e in ents if e.type == "PER"}
    assert {"अमित वर्मा", "रवि राठौर"} <= people


def test_protest_places_and_organisations_found() -> None:
    ents, _ = run(
        "संयुक्त किसान मोर्चा और भारतीय किसान यूनियन ने जंतर-मंतर पर धरना दिया। "
        "उधर चिनार कोर ने बताया कि नियंत्रण रेखा पर घुसपैठ नाकाम की गई। चमोली जिले में भूकंप के झटके आए।"
    )
    d = by_name(ents)
    assert {"Samyukt Kisan Morcha", "Bharatiya Kisan Union", "Jantar Mantar", "Chinar Corps", "Line of Control"} <= set(d)
    assert d["Chamoli district"].type == "LOC"


def test_unknown_name_between_job_title_and_speech_cue_is_a_person() -> None:
    ents, _ = run("लंदन से हमारे संवाददाता पीटर ग्रीनवुड का कहना है कि हालात सुधर रहे हैं।")
    people = {e.name_hi for e in ents if e.type == "PER"}
    assert "पीटर ग्रीनवुड" in people


def test_unqualified_ministry_is_indias_when_india_is_named() -> None:
    ents, _ = run("जापान के प्रधानमंत्री ने जापान और भारत के रिश्तों की बात की। जापान में यह चर्चा रही। विदेश मंत्रालय ने बयान जारी किया।")
    assert "Ministry of External Affairs (India)" in by_name(ents)


def test_places_and_facilities_found_from_the_nouns_around_them() -> None:
    ents, _ = run(
        "बिहार के गया जिले के टिकारी प्रखंड के भरौंधा गांव में बुधवार को मेला लगा। बाद में भरौंधा के लोग "
        "खुसरूपुर स्टेडियम और लखनऊ एयरपोर्ट गए। ग्रामीण इलाके के सरकारी अस्पताल में भीड़ रही।"
    )
    d = by_name(ents)
    bh = next(e for e in ents if e.name_hi == "भरौंधा")
    assert bh.type == "LOC" and bh.kb_id is None and len(bh.mentions) == 2
    assert any(e.name_hi == "टिकारी" and e.type == "LOC" for e in ents)
    assert d["Lucknow Airport"].type == "LOC"
    assert any(e.aliases == ("खुसरूपुर स्टेडियम",) for e in ents)
    # ordinary words before a place noun make nothing
    texts = {m.text for e in ents for m in e.mentions}
    assert not {"ग्रामीण", "सरकारी अस्पताल", "सरकारी"} & texts


def test_cricketers_and_time_zone_cities_from_generated_kb_files() -> None:
    ents, _ = run("विराट कोहली और क्रिस गेल ने बॉस्टन में अभ्यास किया। जो रूट तय था उस पर बस चली।")
    d = by_name(ents)
    assert d["Virat Kohli"].type == "PER" and d["Chris Gayle"].type == "PER"
    assert "Boston" in d  # the ॉ spelling of बोस्टन
    assert "Joe Root" not in d  # "जो रूट" is also "which route"


def test_units_and_marks_match_units_of_and_the_passes_own_tests() -> None:
    """State's one-pass units and per-pass index lists equal units_of and each pass's own word tests."""
    from vaarta.entities_base import (
        DESIGNATIONS,
        FACILITY_NOUNS,
        INSTITUTIONS,
        MARK_AGENT,
        MARK_GAZETTEER,
        MARK_PLACE,
        MARK_ROLE,
        MARK_TEMPLATE,
        MARK_TITLE,
        MINISTRIES,
        NON_PERSON_AGENTS,
        PERSON_NOUNS,
        PLACE_CUES,
        PLACE_NOUNS,
        State,
        units_of,
    )

    kb = default_kb()
    text = (
        "नई दिल्ली में प्रधानमंत्री नरेंद्र मोदी ने कहा कि जम्मू-कश्‍मीर के अकौनी गांव में रहने वाले लोग सुरक्षित हैं। "
        "रूसी राष्ट्रपति व्लादिमीर पुतिन और डॉ. हर्षवर्धन ने बुधवार को गद्दाफी स्टेडियम का दौरा किया। "
        "ड्रैगन ने फिर चेतावनी दी। उत्तर प्रदेश सरकार और स्वास्थ्य मंत्रालय ने आंकड़े जारी किए।"
    )
    doc = make_document(text, published="2020-06-01")
    st = State(doc, kb)
    units = units_of(doc)
    assert st.units == units
    idx = st.idx
    first_words = {p.split()[0] for p in (*INSTITUTIONS, *MINISTRIES)}
    place_words = set(FACILITY_NOUNS) | PLACE_NOUNS | {c[0] for c in PLACE_CUES}
    expect = {
        MARK_GAZETTEER: [i for i, u in enumerate(units) if u.word and u.key in idx.starts],
        MARK_ROLE: [i for i, u in enumerate(units) if u.key in idx.role_first or u.key in idx.role_plural],
        MARK_TITLE: [
            i
            for i, u in enumerate(units)
            if u.text in PERSON_NOUNS or u.text in DESIGNATIONS or u.key in kb.roles or u.text.endswith(".")
        ],
        MARK_PLACE: [i for i, u in enumerate(units) if u.word and u.text in place_words],
        MARK_AGENT: [i for i, u in enumerate(units) if u.text in NON_PERSON_AGENTS],
        MARK_TEMPLATE: [i for i, u in enumerate(units) if u.text in first_words],
    }
    for bit, want in expect.items():
        assert st.at[bit] == want, bit
    assert all(st.at[b] for b in (MARK_GAZETTEER, MARK_PLACE, MARK_TEMPLATE, MARK_AGENT, MARK_TITLE))
    assert State(doc, kb).at == st.at  # the word cache gives the same answer the second time
    # the open tokens (what the tagger pass looks at) are the tokens is_open says, ZWJ-joined and
    # hyphenated words included
    from vaarta.entities_base import is_open

    assert st.open_toks == [t for t in doc.tokens if is_open(t.text)]
    assert any("-" in t.text for t in doc.tokens) or any("\u200d" in t.text or "\u200c" in t.text for t in doc.tokens)
    assert State(doc, kb).open_toks == st.open_toks
