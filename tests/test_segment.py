from hypothesis import given
from hypothesis import strategies as st

from vaarta.segment import split_sentences, tokenize


def test_words_keep_vowel_signs() -> None:
    assert [t.text for t in tokenize("राहुल गांधी ने संबंधों पर कहा")] == ["राहुल", "गांधी", "ने", "संबंधों", "पर", "कहा"]


def test_tokens_point_into_text() -> None:
    text = "रूस-चीन सीमा 4,209 किमी है (Xi Jinping)।"
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
    assert "4,209" in [t.text for t in tokenize(text)]
    assert "रूस-चीन" in [t.text for t in tokenize(text)]


def test_sentences_respect_abbreviations_and_quotes() -> None:
    text = "डॉ. शर्मा ने कहा कि यू.एस. में स्थिति ठीक है। उन्होंने कहा, “हम तैयार हैं।” फिर वे लौट गए. नया वाक्य?"
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "डॉ. शर्मा ने कहा कि यू.एस. में स्थिति ठीक है।",
        "उन्होंने कहा, “हम तैयार हैं।”",
        "फिर वे लौट गए.",
        "नया वाक्य?",
    ]


def test_newline_ends_a_sentence_and_decimals_do_not() -> None:
    got = [s.text for s in split_sentences("मुख्य शीर्षक\nदर 1.5 प्रतिशत रही।")]
    assert got == ["मुख्य शीर्षक", "दर 1.5 प्रतिशत रही।"]


@given(
    st.lists(
        st.sampled_from([*"रामकेा ि्ंयू.एस. 4,209 1.5 -—“”()।?!\n\t", "\u200c", "\u200d", "\u00a0", "डॉ.", "U.S.", "10वीं", "रूस-चीन"]),
        max_size=40,
    ).map("".join)
)
def test_tokens_equal_one_match_per_token(text: str) -> None:
    from vaarta.model import Token
    from vaarta.segment import _TOKEN

    assert tokenize(text) == [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@given(
    st.lists(
        st.sampled_from(
            [
                *"रामकेा ि्ंयू.एस. 4,209 1.5 ०१२ -—“”()।?!:/\n\t",
                "\u200c",
                "\u200d",
                "\u00a0",
                "\u2009",
                "\u3000",
                "é",
                "ß",
                "\u0dd9",
                "\U0001f600",
                "डॉ.",
                "U.S.",
                "a.b.c.",
                "10वीं",
                "रूस-चीन",
                "₹",
                "…",
                "\x1c",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_plain_text_tokenizer_equals_the_regex_one(text: str) -> None:
    # the stdlib pattern used for Latin-1/Devanagari/punctuation texts, against the regex one
    from vaarta.segment import _OUTSIDE_PLAIN, _PLAIN_SPACE_TOKEN, _SPACE_TOKEN

    if not _OUTSIDE_PLAIN.search(text):
        assert _PLAIN_SPACE_TOKEN.findall(text) == _SPACE_TOKEN.findall(text)
