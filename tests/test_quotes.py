"""Quotes on Hindi sentences written for these tests, and gold/dev floors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from vaarta.model import Resources
from vaarta.quotes import find_quotes
from vaarta.segment import make_document

from conftest_events import bench_module, ent, shared_dir

RES = Resources()


def quotes(text: str, *ents):  # type: ignore[no-untyped-def]
    doc = make_document(text)
    return [(q.speaker, text[q.start : q.end], q.direct, q.via) for q in find_quotes(doc, list(ents), RES)]


def test_reported_speech_with_ne_kaha_ki() -> None:
    t = "स्वास्थ्य मंत्री सुनीता वर्मा ने सोमवार को कहा कि अस्पतालों में पर्याप्त बिस्तर उपलब्ध हैं।"
    q = quotes(t, ent(t, "Sunita Verma", "PER", "सुनीता वर्मा"))
    assert q == [("Sunita Verma", "अस्पतालों में पर्याप्त बिस्तर उपलब्ध हैं", False, None)]


def test_pronoun_and_direct_quote_across_sentences() -> None:
    t = "राजेश कुमार ने पत्रकारों से बातचीत की। उन्होंने कहा, “हम हर गांव तक पहुंचेंगे। कोई भी परिवार भूखा नहीं रहेगा।” इसके बाद वे लौट गए।"
    q = quotes(t, ent(t, "Rajesh Kumar", "PER", "राजेश कुमार"))
    assert len(q) == 1
    speaker, words, direct, _ = q[0]
    assert speaker == "Rajesh Kumar" and direct
    assert words.startswith("हम हर गांव") and words.endswith("नहीं रहेगा।")


def test_role_phrase_and_kaa_kahna_hai() -> None:
    t = "विदेश मंत्रालय के प्रवक्ता अमित सेन का कहना है कि दोनों देशों के संबंध मजबूत हैं।"
    q = quotes(t, ent(t, "Amit Sen", "PER", "अमित सेन"), ent(t, "Ministry", "ORG", "विदेश मंत्रालय"))
    assert q[0][0] == "Amit Sen"


def test_country_role_speaker_and_bare_role_continues() -> None:
    t = "पाकिस्तान के विदेश मंत्री ने कहा कि वार्ता जल्द शुरू होगी। मंत्री ने कहा कि सीमा पर शांति बनी हुई है।"
    q = quotes(t, ent(t, "Pakistan", "LOC", "पाकिस्तान"))
    assert [s for s, *_ in q] == ["Pakistan", "Pakistan"]


def test_indefinite_source_is_unknown_and_media_is_via() -> None:
    t = "एक पुलिस अधिकारी ने बताया कि हमलावर मौके से भाग निकले। सरकारी मीडिया ने बताया कि बैठक सफल रही थी।"
    q = quotes(t)
    assert q[0][0] is None and q[0][3] is None
    assert q[1][0] is None and q[1][3] == "सरकारी मीडिया"


def test_ke_mutabik_is_not_a_quote() -> None:
    t = "पुलिस के मुताबिक हादसे में तीन लोगों की मौत हुई।"
    assert quotes(t) == []


def test_offsets_round_trip() -> None:
    t = "नेता ने कहा कि “हम लड़ाई जारी रखेंगे और जीतेंगे।”"
    doc = make_document(t)
    for q in find_quotes(doc, [], RES):
        assert 0 <= q.start < q.end <= len(t)


needs_shared = pytest.mark.skipif(
    not (shared_dir() / "gold" / "dev" / "gold.jsonl").exists(), reason="../shared (gold/dev) not present"
)

QUOTE_RECALL_FLOOR = 0.972
SPEAKER_FLOOR = 0.915


@needs_shared
def test_gold_dev_quote_floors() -> None:
    b = bench_module()
    items = [(doc.text, find_quotes(doc, ents, RES), g["quotes"]) for g, doc, ents, _ in b.load_gold(shared_dir())]
    q = b.score_quotes(items)
    assert q["recall"] >= QUOTE_RECALL_FLOOR, q
    assert q["speaker_acc"] >= SPEAKER_FLOOR, q


def test_ka_before_the_verb_is_a_genitive_not_the_speaker() -> None:
    t = "विश्व बैंक के अध्यक्ष अजय बंगा ने इस फैसले का स्वागत किया और कहा कि इससे गरीब देशों को राहत मिलेगी।"
    q = quotes(t, ent(t, "Ajay Banga", "PER", "अजय बंगा"), ent(t, "World Bank", "ORG", "विश्व बैंक"))
    assert q[0][0] == "Ajay Banga"


def test_country_role_after_a_named_agent_is_that_person() -> None:
    t = "जर्मन चांसलर ओलाफ शोल्ज़ ने भारत के साथ व्यापार बढ़ाने पर जोर दिया। जर्मन नेता ने कहा कि दोनों देश मिलकर काम करेंगे।"
    q = quotes(t, ent(t, "Olaf Scholz", "PER", "ओलाफ शोल्ज़"), ent(t, "Germany", "LOC", "जर्मन"), ent(t, "India", "LOC", "भारत"))
    assert q[0][0] == "Olaf Scholz"


def test_pronoun_after_an_indefinite_speaker_stays_unknown() -> None:
    t = "मंत्री रमेश यादव ने राहत शिविर का दौरा किया। एक किसान ने कहा कि फसल पूरी तरह बर्बाद हो गई है। उसने कहा, “हमें अब तक कोई मुआवजा नहीं मिला है।”"
    q = quotes(t, ent(t, "Ramesh Yadav", "PER", "रमेश यादव"))
    assert [x[0] for x in q] == [None, None]


def test_direct_quote_after_ki_and_a_pronoun() -> None:
    t = "डॉक्टरों ने कहा कि उन्हें, “हल्का बुखार है और आराम की जरूरत है।”"
    q = quotes(t)
    assert q and q[0][0] is None and q[0][2] is True


def test_speakers_resolve_far_into_a_long_article() -> None:
    """The speaker look-backs use per-document indexes: quote 300 resolves as quote 1 does."""
    block = (
        "मुख्यमंत्री नीतीश कुमार ने पटना में कहा कि बाढ़ पीड़ितों को हर संभव मदद दी जाएगी। "
        "उन्होंने कहा कि राहत शिविरों में भोजन की कमी नहीं होने दी जाएगी। "
        "“हम हर गांव तक पहुंचेंगे,” गृह मंत्री अमित शाह ने कहा। "
    )
    text = block * 300
    nitish = ent(text, "Nitish Kumar", "PER", "नीतीश कुमार")
    shah = ent(text, "Amit Shah", "PER", "अमित शाह")
    qs = quotes(text, nitish, shah)
    assert len(qs) == 900
    assert [q[0] for q in qs[-3:]] == ["Nitish Kumar", "Nitish Kumar", "Amit Shah"]
    assert [q[0] for q in qs[:3]] == ["Nitish Kumar", "Nitish Kumar", "Amit Shah"]


def test_say_hint_is_in_every_verb_of_saying() -> None:
    """Sentences without a _SAY_HINT word are skipped: every verb _SAY knows must hold one."""
    from vaarta.quotes import _B, _SAY, _SAY_HINT

    verbs = _SAY.pattern[len(_B) + 3 : _SAY.pattern.index(")(?:\\s+(?:है")].split("|")
    assert len(verbs) > 15
    for v in verbs:
        text = v.replace("\\s+", " ")
        assert _SAY.search(text), text
        assert _SAY_HINT.search(text), text


def test_quote_mark_is_in_every_direct_quote() -> None:
    """Texts without a _QUOTE_MARK character are not scanned for direct quotes."""
    from vaarta.quotes import _DIRECT, _QUOTE_MARK

    samples = ["“एक दो तीन”", "‘‘एक दो तीन’’", "''एक दो तीन''", '"एक दो तीन"', "‘एक दो तीन’", " 'एक दो तीन चार'"]
    for alt, sample in zip(_DIRECT.pattern.split("|"), samples, strict=True):
        m = _DIRECT.search(sample)
        assert m is not None and m.group("abcdef"[samples.index(sample)]) is not None, alt
        assert _QUOTE_MARK.match(alt.removeprefix("(?<![\\p{L}\\p{M}])").removeprefix("\\")), alt
