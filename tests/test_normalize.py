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
            # (the neighbourhood is of kept characters: a repair may join marks across a removed block)
            kept = [k for k in range(len(s)) if not any(a <= k < b for a, b in cut)]
            j = kept.index(r) if r in kept else min(range(len(kept)), key=lambda x: abs(kept[x] - r), default=0)
            near = "".join(s[k] for k in kept[max(0, j - 4) : j + 5])
            assert ch == s[r] or ch in normalize("क" + near + "क") or s[r] in "\n\r\t\u00a0।"
    assert sum(n for _, _, n in runs) == len(text)


# --- assemble copies runs of plain text whole; it must equal the character-by-character
# reference below (the first implementation, kept here only as the oracle) -----------------


def _reference_assemble(raw: str, removed: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    from vaarta.normalize import _CLUSTER, _LEGACY, _push_char, _renormalize, _sources

    out: list[str] = []
    src: list[int] = []
    keep_from = 0
    pieces: list[tuple[int, int]] = []
    for s, e in sorted(removed):
        if s > keep_from:
            pieces.append((keep_from, s))
        keep_from = max(keep_from, e)
    if keep_from < len(raw):
        pieces.append((keep_from, len(raw)))

    def push(ch: str, at: int) -> None:
        if ch == "\n":
            while out and out[-1] == " ":
                out.pop()
                src.pop()
            if not out or (len(out) >= 2 and out[-1] == "\n" and out[-2] == "\n"):
                return
        elif ch == " " and (not out or out[-1] in " \n"):
            return
        out.append(ch)
        src.append(at)

    for ps, pe in pieces:
        if out and out[-1] != "\n" and ps > 0 and raw[ps - 1] == "\n":
            push("\n", ps - 1)
        chunk = raw[ps:pe]
        if unicodedata.is_normalized("NFC", chunk):
            for i, ch in enumerate(chunk):
                _push_char(push, ch, ps + i, chunk, i)
        else:
            for m in _CLUSTER.finditer(chunk):
                norm = unicodedata.normalize("NFC", m.group())
                for ch, j in zip(norm, _sources(m.group(), norm), strict=True):
                    _push_char(push, ch, ps + m.start() + j, chunk, m.start())
    while out and out[-1] in " \n":
        out.pop()
        src.pop()
    runs: list[tuple[int, int, int]] = []
    for i, r in enumerate(src):
        if runs and r == runs[-1][1] + runs[-1][2]:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((i, r, 1))
    text = "".join(out)
    if _LEGACY.search(text):  # the later fixes: see normalize._repair and normalize._renormalize
        text, runs = _reference_repair(text, runs)
    if not unicodedata.is_normalized("NFC", text):
        return _renormalize(text, runs)
    return text, tuple(runs)


def _reference_repair(text: str, runs: list[tuple[int, int, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    """The legacy-spelling repairs one character at a time (normalize._repair works on runs)."""
    from vaarta.normalize import _LEGACY, _compress, _expand, _legacy_fix, _sources

    src = _expand(runs, len(text))
    for _ in range(3):
        out: list[str] = []
        at: list[int] = []
        i = 0
        for m in _LEGACY.finditer(text):
            out.append(text[i : m.start()])
            at.extend(src[i : m.start()])
            rep = _legacy_fix(m)
            out.append(rep)
            at.extend(src[m.start() + j] for j in _sources(m.group(), rep))
            i = m.end()
        out.append(text[i:])
        at.extend(src[i:])
        text, src = "".join(out), at
        if not _LEGACY.search(text):
            break
    return text, list(_compress(src))


# precomposed nukta letters (not NFC), marks in non-canonical order, every special character
AWKWARD = st.lists(
    st.sampled_from(
        [
            *"कखगजड़ा ि ी ु ्ं ।  \n\n\t\r“”„‟«»″′‚‛\"'ab",
            *["\u0958", "\u095b", "\u095e", "\u093c", "\u094d\u093c", "\u200b", "\u200c", "\u200d", "\u00ad", "\u00a0"],
            *["\u2009", "\u202f", "\u2002", "\u2003", "\u2028", "\u2029", "\u0964\u0964", "\u0965", "\u3000", "\ufeff"],
            # legacy-font spellings, Latin combining marks (also after a space), Hangul jamo
            *["\u093e\u0945", "\u0947\u093e", "\u0905\u094c", "\u0948\u0948", "\u0921\u093f\u093c", "e\u0301", " \u0301"],
            *["\u0301\u0323", "\u1100\u1161", "\uac00\u11a8", "\u0929", "\u0951"],
        ]
    ),
    max_size=60,
).map("".join)


@given(AWKWARD, st.data())
def test_assemble_equals_the_character_by_character_reference(s: str, data: st.DataObject) -> None:
    cut: list[tuple[int, int]] = []
    for _ in range(data.draw(st.integers(0, 3))):
        a = data.draw(st.integers(0, len(s)))
        cut.append((a, data.draw(st.integers(a, len(s)))))
    assert assemble(s, cut) == _reference_assemble(s, cut)


def test_assemble_equals_the_reference_on_real_articles() -> None:
    from vaarta.clean import find_boilerplate
    from vaarta.corpora import covid_articles

    from conftest import shared_path

    raws = [a.raw for a in covid_articles(shared_path("data", "covid-hindi-news"))]
    raws += [p.read_text(encoding="utf-8") for p in sorted(shared_path("seeds").glob("*.txt"))]
    for raw in raws:
        cut = [(r.raw_start, r.raw_end) for r in find_boilerplate(raw)]
        assert assemble(raw, cut) == _reference_assemble(raw, cut)


def test_legacy_spellings_are_repaired_with_offsets() -> None:
    raw = "कोरेाना पाॅजिटिव अौर पीडि़त हैैं"
    text, runs = assemble(raw, [])
    assert text == "कोरोना पॉजिटिव और पीड़ित हैं"
    # every repaired character still points at the raw characters it was made from
    for _cs, rs, n in runs:
        for i in range(n):
            assert 0 <= rs + i < len(raw)


@given(st.lists(st.sampled_from([*"ab कि ।\n\u200c\u200d\u00a0\t॥”", "।।", "  ", "\u2009"]), max_size=30).map("".join))
def test_plain_runs_equal_the_one_character_at_a_time_pattern(text: str) -> None:
    import re

    from vaarta.normalize import _PLAIN, _PLAIN_CHAR

    per_char = re.compile(f"{_PLAIN_CHAR}+(?: {_PLAIN_CHAR}+)*")
    assert [m.span() for m in _PLAIN.finditer(text)] == [m.span() for m in per_char.finditer(text)]


LEGACY_TEXT = st.text(alphabet=st.sampled_from(list("अआएओकडनय।ऀँंः़ािीुूृॅेैॉोौ् ")), max_size=12)


@given(LEGACY_TEXT)
def test_legacy_pair_prefilter_never_misses_a_repair(text: str) -> None:
    """_LEGACY_PAIR (the cheap pre-check in assemble) finds something wherever _LEGACY does."""
    from vaarta.normalize import _LEGACY, _LEGACY_PAIR

    if _LEGACY.search(text):
        assert _LEGACY_PAIR.search(text)


def test_legacy_pair_prefilter_on_every_short_string() -> None:
    from itertools import product

    from vaarta.normalize import _LEGACY, _LEGACY_PAIR

    chars = "अआएकड।ँः़ाेैॉोौॅ्"
    for n in (1, 2, 3):
        for t in map("".join, product(chars, repeat=n)):
            if _LEGACY.search(t):
                assert _LEGACY_PAIR.search(t), t
