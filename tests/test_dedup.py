"""Copies (near-duplicates) on Hindi text written for these tests, plus real-data checks."""

from __future__ import annotations

import itertools
import os
import pickle
from pathlib import Path

import pytest

from vaarta import corpora, dedup

SHARED = Path(os.environ.get("VAARTA_SHARED", Path(__file__).parents[1].parent / "shared"))

# Our own article, and what a second outlet does with it when it copies the agency text.
ORIGINAL = """जयपुर में बारिश से तीन मकान गिरे, दो लोग घायल

जयपुर, 12 जुलाई। शहर में शुक्रवार रात हुई तेज बारिश के बाद पुराने शहर के तीन जर्जर मकान गिर गए। नगर निगम के अधिकारियों ने बताया कि हादसे में दो लोग घायल हुए हैं, जिन्हें सवाई मान सिंह अस्पताल में भर्ती कराया गया है।

मौसम विभाग ने अगले दो दिन तक जिले में भारी बारिश की चेतावनी जारी की है। जिला कलेक्टर ने निचले इलाकों में रहने वाले लोगों से सुरक्षित स्थानों पर जाने की अपील की है।

नगर निगम ने शहर के सभी जर्जर भवनों का सर्वे कराने का आदेश दिया है और मकान मालिकों को नोटिस भेजे जा रहे हैं। अधिकारियों ने कहा कि बारिश रुकने के बाद मलबा हटाने का काम तेज किया जाएगा।"""

COPY = (
    "बारिश का कहर: जयपुर में जर्जर मकान ढहे\n\n"
    + ORIGINAL.split("\n\n", 1)[1].replace("तेज बारिश", "भारी बारिश")
    + "\n\nये भी पढ़ें: अपने शहर की ताजा खबरें हमारे ऐप पर पढ़ें। सभी अधिकार सुरक्षित।"
)

# Same event, written independently by another outlet: not a copy.
SAME_TOPIC = """जयपुर: बारिश में ढहे तीन पुराने मकान

राजधानी के परकोटा इलाके में शुक्रवार देर रात मूसलाधार बरसात के दौरान तीन पुराने भवन भरभराकर गिर पड़े। हादसे में एक महिला और उसका बेटा जख्मी हो गए, दोनों का इलाज चल रहा है।

स्थानीय लोगों का कहना है कि इन इमारतों को खाली कराने की मांग वे कई बार कर चुके थे। निगम आयुक्त ने मौके का मुआयना कर रिपोर्ट मांगी है और मौसम केंद्र ने आगे भी बरसात का अनुमान जताया है।"""

OTHER = """पटना में पुस्तक मेले का उद्घाटन, पहले दिन उमड़े पाठक

गांधी मैदान में शनिवार को दस दिन चलने वाले पुस्तक मेले की शुरुआत हुई। उपमुख्यमंत्री ने दीप जलाकर मेले का उद्घाटन किया और कहा कि किताबें पढ़ने की आदत बच्चों में बढ़नी चाहिए। मेले में देश भर के दो सौ से अधिक प्रकाशक पहुंचे हैं।"""


def test_normalise_folds_spelling_variants() -> None:
    assert dedup.normalise("स्‍वास्‍थ्‍य 4,209") == dedup.normalise("स्वास्थ्य 4209")
    assert dedup.normalise("ज़मीन") == dedup.normalise("जमीन")


def test_copy_found_same_topic_not() -> None:
    assert dedup.copy_score(ORIGINAL, COPY) >= dedup.COPY_THRESHOLD
    assert dedup.copy_score(ORIGINAL, SAME_TOPIC) < 0.2
    idx = dedup.CopyIndex()
    assert idx.add("a", ORIGINAL, "2020-07-12") is None
    assert idx.add("b", SAME_TOPIC, "2020-07-12") is None
    assert idx.add("c", OTHER, "2020-07-12") is None
    assert idx.add("d", COPY, "2020-07-13") == "a"
    assert idx.duplicate_map() == {"d": "a"}


def test_canonical_copy_does_not_depend_on_order() -> None:
    docs = {"a": (ORIGINAL, "2020-07-12"), "d": (COPY, "2020-07-13"), "b": (SAME_TOPIC, "2020-07-12")}
    maps = []
    for order in itertools.permutations(docs):
        idx = dedup.CopyIndex()
        for k in order:
            idx.add(k, docs[k][0], docs[k][1])
        maps.append(idx.duplicate_map())
    assert all(m == {"d": "a"} for m in maps)


def test_signature_values_round_trip_and_pickle() -> None:
    vals = dedup.signature_values(ORIGINAL)
    assert len(vals) == dedup.NUM_PERM and all(isinstance(v, int) for v in vals)
    assert vals == dedup.signature_values(ORIGINAL)  # deterministic across calls
    m = dedup.signature_from_values(vals)
    assert m.jaccard(dedup.signature(ORIGINAL)) == 1.0
    idx = dedup.CopyIndex()
    idx.add_signature("a", m, len(dedup.shingles(ORIGINAL)), "2020-07-12")
    idx2 = pickle.loads(pickle.dumps(idx))
    assert idx2.add("d", COPY, "2020-07-13") == "a"


def test_too_short_texts_are_never_copies() -> None:
    idx = dedup.CopyIndex()
    idx.add("a", "कोरोना अपडेट", "1")
    assert idx.add("b", "कोरोना अपडेट", "2") is None


@pytest.mark.skipif(not (SHARED / corpora.COVID_DIR).is_dir(), reason="../shared/data/covid-hindi-news absent")
def test_real_corpus_known_copies_and_cross_outlet_pairs() -> None:
    root = SHARED / corpora.COVID_DIR
    arts = {a.id: a for a in corpora.covid_articles(SHARED) if a.published in ("2020-03-27", "2020-04-01")}
    assert arts, root
    idx = dedup.CopyIndex()
    for aid in sorted(arts, reverse=True):  # arrival order must not matter
        idx.add(aid, arts[aid].raw, (arts[aid].published, aid))
    dm = idx.duplicate_map()
    assert dm.get("covid:AU:20200327:5") == "covid:AU:20200327:1"
    assert dm.get("covid:AU:20200401:2") == "covid:AU:20200401:1"
    # no copy across outlets on these days (same topics, different text)
    assert all(k.split(":")[1] == v.split(":")[1] for k, v in dm.items())


def test_minhash_of_shingles_equals_signature_and_datasketch() -> None:
    from datasketch import MinHash

    for text in (ORIGINAL, COPY, "दो शब्द", ""):
        assert (dedup._minhash(dedup.shingles(text)).hashvalues == dedup.signature(text).hashvalues).all()
    hv = dedup.shingle_hashes(ORIGINAL)
    assert len(hv) == len(dedup.shingles(ORIGINAL))  # no two shingles of this text share a hash
    m = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME, permutations=dedup._permutations())
    m.hashfunc = lambda h: h  # the shingle hashes themselves
    m.update_batch(hv.tolist())
    assert (m.hashvalues == dedup._minhash_values(hv)).all()
    assert dedup.sized_signature(ORIGINAL) == [len(hv), *dedup.signature_values(ORIGINAL)]


def test_store_with_old_signatures_is_re_signed(tmp_path: Path) -> None:
    from vaarta.ingest import _copy_finder, band_hashes
    from vaarta.model import Record
    from vaarta.segment import make_document
    from vaarta.store import open_store

    db = str(tmp_path / "old.db")
    with open_store(db) as s:
        old = Record(document=make_document(ORIGINAL, published="2020-07-12", id="a"))
        s.put(old, signature=[99, *range(dedup.NUM_PERM)], bands=["x"] * 64, signature_scheme=1)  # an old scheme
        assert s.stale_signatures(dedup.SIGNATURE_SCHEME) == ["a"]
        new = Record(document=make_document(COPY, published="2020-07-13", id="d"))
        sig, bands, dup = _copy_finder()(s, new)
        assert dup == "a"  # found only because "a" was re-signed first
        assert s.stale_signatures(dedup.SIGNATURE_SCHEME) == []
        assert bands == band_hashes(sig[1:]) and len(bands) == dedup.NUM_PERM // 2


def _words_hashed(text: str) -> list[int]:
    import zlib

    return [zlib.crc32(w.encode()) for w in dedup.normalise(text)]


def test_word_hashes_by_chunk_equal_normalising_the_whole_text() -> None:
    """The chunk cache (``dedup._CHUNKS``) relies on ``normalise`` looking no further than
    white space: check it on texts made to test that (final sigma, marks after a space,
    nukta and joiners, digit groups, non-BMP characters, every kind of white space)."""
    import random

    parts = [
        "ΟΔΟΣ", "Σ", "ς", "İ", "é", "e\u0301", "\u0301", "\u093c", "क़", "ज\u093cरूर", "स्\u200dवास्\u200cथ्य",
        "मँ", "4,209", "1.5", "\u0967,\u0968", ",", ".", "॰", "😀", "𝐀", "ABC", "a", "-", "(भाषा)", "नई", "दिल्ली",
    ]  # fmt: skip
    spaces = [" ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\u200b", "  "]
    rng = random.Random(5)
    for _ in range(500):
        text = "".join(rng.choice(parts) + (rng.choice(spaces) if rng.random() < 0.6 else "") for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.1:
            dedup._CHUNKS.clear()
        assert dedup.text_word_hashes(text).tolist() == _words_hashed(text), ascii(text)


def test_band_hashes_are_the_bands_in_hex() -> None:
    from vaarta.ingest import LSH_ROWS, band_hashes

    sig = dedup.sized_signature("दिल्ली में आज कोरोना के नए मामले सामने आए और अस्पतालों में भीड़ रही")[1:]
    expected = ["".join(f"{v:08x}" for v in sig[i : i + LSH_ROWS]) for i in range(0, len(sig), LSH_ROWS)]
    assert band_hashes(sig) == expected
