import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from vaarta.normalize import assemble, normalize

DEVANAGARI = st.text(alphabet=st.sampled_from(list("कखगजड़ढ़फ़क़ािीुूेैोौंँः्। \n\t\u200c\u200d\u00a0“”„\"'abc।।")), max_size=80)


def test_normalises_variants() -> None:
    assert normalize("फ़रवरी\u200d  में „बैठक‟ हुई।।") == "फ़रवरी में “बैठक” हुई॥"


def test_nfc_and_zero_width() -> None:
    out = normalize("क\u093c\u200bिला")
    assert "\u200b" not in out
    assert unicodedata.is_normalized("NFC", out)


@given(DEVANAGARI)
def test_normalising_twice_changes_nothing(s: str) -> None:
    once = normalize(s)
    assert normalize(once) == once


@given(DEVANAGARI, st.data())
def test_every_clean_character_maps_into_the_raw_text(s: str, data: st.DataObject) -> None:
    cut: list[tuple[int, int]] = []
    if s:
        a = data.draw(st.integers(0, len(s)))
        b = data.draw(st.integers(a, len(s)))
        cut = [(a, b)]
    text, runs = assemble(s, cut)
    for cs, rs, n in runs:
        for i in range(n):
            r = rs + i
            assert 0 <= r < len(s)
            # only a line break standing for a removed block's own line break may point into it
            assert text[cs + i] == "\n" or not any(a <= r < b for a, b in cut)
            # the clean char is the raw char, or its normalised spelling (NFC may reorder marks
            # within a grapheme cluster, so look at the raw character's neighbourhood)
            ch = text[cs + i]
            assert ch == s[r] or ch in normalize("क" + s[max(0, r - 3) : r + 4] + "क") or s[r] in "\n\r\t\u00a0।"
    assert sum(n for _, _, n in runs) == len(text)
