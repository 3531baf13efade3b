from vaarta.garble import find_garbled
from vaarta.segment import make_document


def test_impossible_spellings_are_flagged() -> None:
    doc = make_document("टीम लखनउच्च् पहुंची और ािकेट खेला। अर्थात् सब ठीक है। मुख्यमंत्री ने कहा।")
    got = [doc.text[f.start : f.end] for f in find_garbled(doc)]
    assert got == ["लखनउच्च्", "ािकेट"]


def test_ordinary_hindi_is_not_flagged() -> None:
    text = "प्रधानमंत्री नरेंद्र मोदी ने क़िले में फ़ैसला सुनाया। शी जिनपिंग और व्लादिमीर पुतिन ने बातचीत की।"
    assert find_garbled(make_document(text)) == []
