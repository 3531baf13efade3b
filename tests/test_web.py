"""The web page over a real SQLite store: highlights nest and link, untrusted text stays inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from vaarta.web import create_app
from vaarta.web.highlight import anchor_removed, render

from web_fixtures import XSS_TITLE, build_db

VOID = {"meta", "link", "input", "br", "img", "hr", "circle", "line"}


class _Tree(HTMLParser):
    """Checks that tags nest properly and collects elements with their text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts = 0
        self.handlers: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        self.links += [v or "" for k, v in attrs if k in ("href", "src")]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [k for k, _ in attrs if k.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def _tree(html: str) -> _Tree:
    t = _Tree()
    t.feed(html)
    t.close()
    return t


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build_db(tmp_path_factory.mktemp("web"))), raise_server_exceptions=False)


def _page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url, headers={"accept": "text/html"})
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    t = _tree(r.text)
    assert not t.errors and not t.stack, (t.errors, t.stack)
    assert t.scripts == 0 and not t.handlers
    assert not [u for u in t.links if re.match(r"\s*(javascript|data|vbscript):", u, re.I)]
    assert not [u for u in t.links if u.startswith(("http:", "https:", "//"))] or url.startswith("/articles/")
    return r.text


def test_home_lists_counts_events_articles(client: TestClient) -> None:
    html = _page(client, "/")
    assert "6</b> articles" in html and "मोदी और पुतिन की फोन पर बात" in html and "CONSULT" in html


def test_article_page_highlights_every_finding_and_links(client: TestClient) -> None:
    html = _page(client, "/articles/hr-call")
    body = html.split('<div class="body" lang="hi">', 1)[1].split("</div>", 1)[0]
    # entity mentions link to the entity page, in both scripts' names
    ents = re.findall(r'<a class="hl ent ent-(\w+)" data-entity="\d+" href="([^"]+)"[^>]*>([^<]+)', body)
    assert ("PER", "/entities/Narendra%20Modi", "नरेंद्र मोदी") in ents
    assert any(unquote(h) == "/entities/Vladimir Putin" and t == "पुतिन" for _, h, t in ents)
    # the flag on व्लादिमीर nests inside/around the entity cleanly (both present)
    assert 'class="hl flag"' in body
    # time, quote and event evidence with its link to the filtered event list
    assert re.search(r'<time class="hl time" data-time="0" datetime="2026-03-04"[^>]*>बुधवार को</time>', body)
    assert re.search(r'<q class="hl quote quote-direct"[^>]*>.*रूस.*पुराना मित्र है।</q>', body)
    assert 'class="ev-tag" data-event="0" href="/events?type=CONSULT&amp;article=hr-call"' in body
    # reading the highlighted HTML back gives the text exactly
    plain = re.sub(r'<a class="ev-tag"[^>]*>[^<]*</a>', "", body)
    plain = re.sub(r"<[^>]+>", "", plain)
    from html import unescape

    rec = client.get("/api/articles/hr-call").json()
    assert unescape(plain) == rec["text"]


def test_links_from_article_page_work(client: TestClient) -> None:
    html = _page(client, "/articles/hr-berlin")
    for href in sorted(set(re.findall(r'href="(/(?:entities|events)[^"]*)"', html))):
        href = href.replace("&amp;", "&")
        assert client.get(href, headers={"accept": "text/html"}).status_code == 200, href
    ev = _page(client, "/events?type=CONSULT&article=hr-berlin")
    assert "Friedrich Merz" in ev and "hr-call" not in ev


def test_untrusted_article_renders_inert(client: TestClient) -> None:
    html = _page(client, "/articles/fx-xss")
    assert "<script>" not in html and "<img" not in html and "onerror=" not in html.replace("onerror=alert", "")
    assert "&lt;script&gt;window.__pwned" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert f'<h1 class="title">{XSS_TITLE}</h1>' in html  # shown as text only
    assert 'href="javascript:' not in html
    for url in ("/", "/articles", "/events", "/articles?q=बैठक"):
        _page(client, url)


def test_events_page_filters(client: TestClient) -> None:
    html = _page(client, "/events?type=CONSULT&participant=पुतिन&since=2026-03-01&until=2026-03-31&status=&mode=")
    assert "hr-call" in html and "hr-plan" not in html  # hr-plan is dated 2026-04
    assert "hr-plan" in _page(client, "/events?participant=Vladimir+Putin&since=2026-03-01&until=")
    html2 = _page(client, "/events?status=planned")
    assert "hr-plan" in html2 and "hr-berlin" not in html2
    _page(client, "/events?since=yesterday", status=422)
    _page(client, "/events?status=maybe", status=422)


def test_entity_page_aliases_timeline_network(client: TestClient) -> None:
    html = _page(client, "/entities/Narendra%20Modi")
    assert "नरेंद्र मोदी" in html and '<svg class="network"' in html
    assert 'href="/entities/Vladimir%20Putin"' in html and "Friedrich Merz (1)" in html
    together = _page(client, "/entities/मोदी?with=मैर्त्स")
    assert "hr-berlin" in together and "hr-call" not in together.split("<h2>Articles</h2>")[0]
    _page(client, "/entities/कोई%20नहीं", status=404)
    assert "Narendra Modi" in _page(client, "/entities?q=मोदी")


def test_misc_pages_and_html_errors(client: TestClient) -> None:
    assert "/api/events" in _page(client, "/docs")
    _page(client, "/clusters")
    assert "no article with id" in _page(client, "/articles/missing", status=404)
    css = client.get("/static/style.css").text
    assert "Noto Sans Devanagari" in css and "@media (max-width" in css


def test_render_splits_overlapping_spans_cleanly() -> None:
    text = "अ ब स द य र ल"
    rec = {
        "id": "x",
        "text": text,
        "entities": [
            {"name": "A<b>", "type": "PER", "mentions": [{"start": 0, "end": 5}]},
            {"name": "B", "type": "LOC", "mentions": [{"start": 2, "end": 7}]},
        ],  # overlaps the first
        "times": [{"start": 4, "end": 9, "value": "2026-01-01"}],
        "events": [
            {"type": "CONSULT", "status": "occurred", "actors": [], "recipients": [], "evidence": [{"start": 3, "end": 13}]}
        ],
        "quotes": [{"start": 6, "end": 11, "direct": True, "speaker": None}],
        "flags": [],
        "removed": [],
    }
    html = str(render(rec))
    t = _tree(f"<div>{html}</div>")
    assert not t.errors and not t.stack
    # the event's tag opened inside a link, so it is a <span>, not a nested link
    assert re.sub(r'<(a|span) class="ev-tag"[^>]*>[^<]*</(a|span)>|<[^>]+>', "", html) == text
    assert "<a " in html and html.count('href="/entities/') >= 1
    assert not re.search(r"<a [^>]*>(?:(?!</a>).)*<a ", html)  # never a link inside a link
    assert "A&lt;b&gt;" in html or "A%3Cb%3E" in html


def test_removed_blocks_are_placed_where_they_were_cut() -> None:
    raw = "पहला पैरा।\nये भी पढ़ें: दूसरी खबर\nदूसरा पैरा।"
    text = "पहला पैरा।\nदूसरा पैरा।"
    rs = raw.index("ये भी")
    re_ = raw.index("\nदूसरा")
    placed = anchor_removed(text, raw, [{"kind": "related-links", "raw_start": rs, "raw_end": re_}])
    assert placed[0][0] == text.index("दूसरा") - 1 or placed[0][0] == text.index("दूसरा")
    html = str(render({"id": "y", "text": text, "removed": [{"kind": "related-links", "raw_start": rs, "raw_end": re_}]}, raw))
    assert 'class="removed"' in html and "ये भी पढ़ें: दूसरी खबर" in html
