"""The store path of cross-article merging reads each event's evidence text, so the bulletin
rules (case counts) apply there as they do in memory. Hindi articles written for this test."""

from __future__ import annotations

from pathlib import Path

from vaarta.ingest import ingest
from vaarta.store import open_store

# two outlets' wordings of a bulletin (different enough not to be copies of each other)
ARTICLES = {
    "a.txt": """{head}

नई दिल्ली। राजधानी दिल्ली में शनिवार को कोरोना वायरस संक्रमण के {new} नए मामले सामने आए, जिसके बाद दिल्ली में संक्रमितों की संख्या बढ़कर {total} हो गई। स्वास्थ्य विभाग के अधिकारियों ने बताया कि सभी मरीजों को अस्पताल में भर्ती कराया गया है।
""",
    "b.txt": """{head}

दिल्ली सरकार के ताजा आंकड़ों के मुताबिक दिल्ली में {new} नए मरीज मिले हैं और अब यहां कुल {total} लोग संक्रमित हैं। सरकार ने लोगों से घरों में रहने की अपील दोहराई और बाजारों में भीड़ न लगाने को कहा।
""",
}


def _write(folder: Path, name: str, head: str, new: int, total: int) -> None:
    (folder / name).write_text(ARTICLES[name].format(head=head, new=new, total=total), encoding="utf-8")


def _clusters(tmp_path: Path, files: dict[str, tuple[str, int, int]]) -> list[dict[str, object]]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (head, new, total) in files.items():
        _write(folder, name, head, new, total)
    with open_store(str(tmp_path / "v.db")) as store:
        summary = ingest([str(folder)], store, published="2020-04-04")
        assert summary.total_rejected == 0, summary.rejections
        return [c for c in store.clusters() if c["type"] == "DISASTER"]


def test_same_bulletin_from_two_outlets_merges(tmp_path: Path) -> None:
    clusters = _clusters(
        tmp_path,
        {
            "a.txt": ("दिल्ली में कोरोना के 25 नए मामले, कुल संख्या 445 हुई", 25, 445),
            "b.txt": ("राजधानी में संक्रमण के 25 नए केस, आंकड़ा 445 पहुंचा", 25, 445),
        },
    )
    assert len(clusters) == 1 and clusters[0]["n_articles"] == 2


def test_different_bulletins_of_one_place_stay_apart(tmp_path: Path) -> None:
    clusters = _clusters(
        tmp_path,
        {
            "a.txt": ("दिल्ली में कोरोना के 25 नए मामले, कुल संख्या 445 हुई", 25, 445),
            "b.txt": ("राजधानी में संक्रमण के 93 नए केस, आंकड़ा 538 पहुंचा", 93, 538),
        },
    )
    assert clusters == []
