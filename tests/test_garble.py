from hypothesis import given
from hypothesis import strategies as st

from vaarta.garble import find_garbled
from vaarta.segment import make_document


def test_impossible_spellings_are_flagged() -> None:
    doc = make_document("टीम लखनउच्च् पहुंची और ािकेट खेला। अर्थात् सब ठीक है। मुख्यमंत्री ने कहा।")
    got = [doc.text[f.start : f.end] for f in find_garbled(doc)]
    assert got == ["लखनउच्च्", "ािकेट"]


def test_ordinary_hindi_is_not_flagged() -> None:
    text = "प्रधानमंत्री नरेंद्र मोदी ने क़िले में फ़ैसला सुनाया। शी जिनपिंग और व्लादिमीर पुतिन ने बातचीत की।"
    assert find_garbled(make_document(text)) == []


def _reference(text: str) -> list[tuple[int, int]]:
    """Word by word, as the first implementation did (find_garbled scans the whole text)."""
    import regex

    from vaarta.garble import FINAL_VIRAMA_OK

    vs = "[\u093e-\u094c\u0962\u0963]"
    bad = regex.compile(rf"^{vs}|[\u0904-\u0914]{vs}|{vs}{vs}|\u094d\u094d|\u094d{vs}|[\u0904-\u0914\u093e-\u094c]\u093c")
    out = []
    for m in regex.finditer(r"[\p{Devanagari}\u200c\u200d]+", text):
        w = m.group()
        if bad.search(w) or (w.endswith("\u094d") and len(w) > 2 and w not in FINAL_VIRAMA_OK):
            out.append(m.span())
    return out


@given(st.lists(st.sampled_from([*"कखमअआइओ ािीुेैोौ़्ंँ।.a-", "\u200d", "\u0951", "\u0952", "अर्थात्", "टीम"]), max_size=40).map("".join))
def test_whole_text_scan_equals_the_word_by_word_reference(text: str) -> None:
    assert [(f.start, f.end) for f in find_garbled(make_document(text))] == _reference(text)
