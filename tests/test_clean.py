from pathlib import Path

from vaarta.model import Article, Document
from vaarta.normalize import normalize
from vaarta.pipeline import prepare

from conftest import FIXTURES, shared_path


def _doc(path: Path, published: str | None = None) -> Document:
    raw = path.read_text(encoding="utf-8")
    doc = prepare(Article(id="t", source=str(path), raw=raw, published=published))
    assert isinstance(doc, Document), doc
    return doc


def test_scraped_page_loses_chrome_and_keeps_body() -> None:
    doc = _doc(FIXTURES / "scraped_summit.md")
    for gone in (
        "ये भी पढ़ें",
        "पंजाब में बस",
        "मुंबई ने जीता",
        "ट्रेंडिंग न्यूज",
        "टॉप हेडलाइंस",
        "नवीनतम देश समाचार",
        "https://",
        "फेसबुक पर फॉलो",
        "![",
        "रीना वर्मा",
    ):
        assert gone not in doc.text, gone
    for kept in (
        "भारत-जापान वार्ता",
        "वीडियो कॉन्फ्रेंसिंग के जरिए बातचीत की",
        "व्यापार पर क्या हुई बात?",
        "“हमारे संबंध पहले से कहीं अधिक मजबूत हैं।”",
        "हस्ताक्षर करेंगे।",
    ):
        assert kept in doc.text, kept
    kinds = {r.kind for r in doc.removed}
    assert {"image", "author", "related-links", "section-header", "promo"} <= kinds


def test_removed_blocks_point_at_raw_text() -> None:
    raw = (FIXTURES / "scraped_summit.md").read_text(encoding="utf-8")
    doc = _doc(FIXTURES / "scraped_summit.md")
    for r in doc.removed:
        assert raw[r.raw_start : r.raw_end] == r.text
    # every kept character maps back to the raw input
    for _cs, rs, n in doc.offsets:
        assert normalize(raw[rs : rs + n]).strip() in doc.text or n < 3


def test_teasers_are_cut_but_the_next_subheading_stays() -> None:
    text = "पहला पैराग्राफ यहां है और यह पूरा वाक्य है।\nये भी पढ़ें:\nBihar: पटना में बड़ा हादसा, नाव पलटने से 12 लोगों की मौत\nआगे क्या होगा?\nदूसरा पैराग्राफ भी पूरा वाक्य है।"
    doc = prepare(Article(id="t", source="x", raw=text))
    assert isinstance(doc, Document)
    assert "नाव पलटने" not in doc.text
    assert "आगे क्या होगा?" in doc.text
    assert "दूसरा पैराग्राफ" in doc.text


def test_not_hindi_is_rejected() -> None:
    out = prepare(Article(id="t", source="en.txt", raw="This page is entirely in English and has no Hindi at all."))
    assert not isinstance(out, Document)
    assert out.reason == "not-hindi"


def test_html_page_author_keeps_its_vowel_sign() -> None:
    page = """<html><head><meta charset="utf-8"><title>बैठक</title><meta name="author" content="सीमा शर्मा">
    <meta property="article:published_time" content="2026-03-14T10:00:00+05:30"></head><body><nav>होम | देश</nav>
    <article><h1>दिल्ली में बैठक</h1><p>मुख्यमंत्री ने सोमवार को अधिकारियों के साथ बैठक की और बाढ़ राहत की समीक्षा की।
    उन्होंने कहा कि राहत कार्य तेज किए जाएंगे और किसी को परेशानी नहीं होगी।</p>
    <p>बैठक में कई विभागों के अधिकारी मौजूद रहे और सभी ने अपनी रिपोर्ट दी। यह बैठक दो घंटे चली।</p></article>
    <footer>कॉपीराइट</footer><script>alert(1)</script></body></html>"""
    doc = prepare(Article(id="h", source="p.html", raw=page, is_html=True))
    assert isinstance(doc, Document)
    assert doc.author == "सीमा शर्मा"
    assert doc.published == "2026-03-14" and doc.published_from == "html-meta"
    assert "alert" not in doc.text and "बाढ़ राहत" in doc.text


def test_seed_teasers_removed_and_body_kept() -> None:
    seeds = shared_path("seeds")
    for f in sorted(seeds.glob("*.txt")):
        doc = _doc(f)
        assert "ये भी पढ़ें" not in doc.text and "यह भी पढ़ें" not in doc.text
        assert "ट्रेंडिंग न्यूज" not in doc.text and "![" not in doc.text
        assert "वीडियो" in doc.text


def test_short_teaser_at_the_end_is_cut() -> None:
    text = (
        "पहला पैराग्राफ यहां है और यह पूरा वाक्य है।\nये भी पढ़ें:\nपंजाब में थाने पर हमला, तीन पुलिसकर्मी घायल\n"
        "केरल में नाव पलटी\nनवीनतम राज्य समाचार"
    )
    doc = prepare(Article(id="t", source="x", raw=text))
    assert isinstance(doc, Document)
    assert doc.text == "पहला पैराग्राफ यहां है और यह पूरा वाक्य है।"


def test_markdown_heading_kept_without_markup() -> None:
    text = "पहला पैराग्राफ यहां है और यह पूरा वाक्य है।\n## आगे की योजना\nदूसरा **अहम** पैराग्राफ भी पूरा वाक्य है।"
    doc = prepare(Article(id="t", source="x", raw=text))
    assert isinstance(doc, Document)
    assert "आगे की योजना" in doc.text and "#" not in doc.text and "**" not in doc.text and "अहम" in doc.text


def test_devanagari_at_least_agrees_with_the_share() -> None:
    from vaarta.clean import devanagari_at_least, devanagari_share

    for text in ["नई दिल्ली में बैठक हुई।", "The meeting in Delhi", "Delhi में meeting हुई", "꣠꣡ abc", "१२३ ॐ abc", "", "१२"]:
        for share in (0.0, 0.3, 0.5, 0.9):
            assert devanagari_at_least(text, share) == (devanagari_share(text) >= share), (text, share)
