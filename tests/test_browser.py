"""Chromium (Debian's, through Playwright) opens the article page served by uvicorn on loopback:
highlights exist, their links work, an injected <script> did not run. Saves screenshots to
$VAARTA_SCREENSHOTS (default: the test's temporary folder)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_fixtures import build_db

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing (apt install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(build_db(tmp_path_factory.mktemp("browser")))


@pytest.fixture(scope="module")
def statements_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two articles quoting one speaker on one day (tests/test_statements.py), ingested for real."""
    from test_statements import _articles

    yield from _serve_articles(tmp_path_factory, "statements", _articles()[:2])


@pytest.fixture(scope="module")
def figures_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two articles giving one exact figure on one day (tests/test_figures.py), ingested for real."""
    from test_figures import _articles

    yield from _serve_articles(tmp_path_factory, "figures", _articles()[:2])


def _serve_articles(tmp_path_factory: pytest.TempPathFactory, name: str, articles: list[Any]) -> Iterator[str]:
    from vaarta.ingest import ingest_articles
    from vaarta.store import open_store

    db = str(tmp_path_factory.mktemp(name) / f"{name}.db")
    with open_store(db) as store:
        ingest_articles(articles, store)
    yield from _serve(db)


def _serve(db: str) -> Iterator[str]:
    import uvicorn

    from vaarta.web import create_app

    app = create_app(db)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not th.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def _shots(tmp_path: Path) -> Path:
    d = Path(os.environ.get("VAARTA_SCREENSHOTS") or tmp_path)
    d.mkdir(parents=True, exist_ok=True)
    return d


def _open_from_nav(browser: object, server: str, link: str, width: int, height: int) -> Any:
    """A page opened at the home page, then at the nav link ``link`` (clicked, as a user would)."""
    page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page.goto(f"{server}/")
    page.locator("nav a", has_text=link).click()
    page.wait_for_load_state()
    return page


def test_article_page_in_chromium(server: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/articles/hr-call")
    assert page.locator("a.hl.ent").count() >= 4
    assert page.locator("time.hl.time").count() == 1
    assert page.locator(".body q.hl.quote").count() == 1
    assert page.locator(".body span.hl.ev").count() >= 1 and page.locator("a.ev-tag").count() == 1
    font = page.evaluate("getComputedStyle(document.querySelector('.body')).fontFamily")
    assert "Devanagari" in font
    page.screenshot(path=str(_shots(tmp_path) / "article-hr-call.png"), full_page=True)
    # entity link → entity page; event tag → the filtered event list
    page.locator("a.hl.ent", has_text="व्लादिमीर पुतिन").first.click()
    page.wait_for_load_state()
    assert "/entities/Vladimir%20Putin" in page.url and page.locator("h1").inner_text().startswith("Vladimir Putin")
    page.go_back()
    page.locator("a.ev-tag").first.click()
    page.wait_for_load_state()
    assert "/events?type=CONSULT&article=hr-call" in page.url
    assert page.locator("table.events tbody tr").count() == 1
    assert not dialogs
    page.close()


def test_injected_script_does_not_run(server: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]  # a phone
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/articles/fx-xss")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    assert "<script>" in page.locator(".body").inner_text()  # shown as text
    assert page.locator("a[href^='javascript']").count() == 0
    assert not dialogs and not errors
    # usable at phone width: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    page.screenshot(path=str(_shots(tmp_path) / "article-xss-phone.png"), full_page=True)
    page.close()


def test_statements_page_in_chromium(statements_server: str, browser: object, tmp_path: Path) -> None:
    page = _open_from_nav(browser, statements_server, "Statements", 1200, 900)
    assert page.url.endswith("/statements")
    section = page.locator("section.cluster")
    assert section.count() == 1 and "Lav Agarwal" in section.inner_text()
    quotes = page.locator("section.cluster q.hl.quote")
    assert quotes.count() == 3 and any("घबराने की जरूरत" in q for q in quotes.all_inner_texts())
    page.screenshot(path=str(_shots(tmp_path) / "statements.png"), full_page=True)
    # an article's link goes to the quote in the article page
    page.locator("section.cluster li a").first.click()
    page.wait_for_load_state()
    assert "#q-" in page.url
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"li#{anchor}").is_visible() and "Lav Agarwal" in page.locator(f"li#{anchor}").inner_text()
    page.close()


def test_figures_page_in_chromium(figures_server: str, browser: object, tmp_path: Path) -> None:
    page = _open_from_nav(browser, figures_server, "Figures", 390, 800)
    assert page.url.endswith("/figures")
    section = page.locator("section.cluster")
    assert section.count() == 1 and "13,387" in section.locator("h2").inner_text()
    sentences = page.locator("section.cluster li .hl").all_inner_texts()
    assert len(sentences) == 2 and any("13387 हो गए हैं" in t for t in sentences)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # usable at phone width
    page.screenshot(path=str(_shots(tmp_path) / "figures-phone.png"), full_page=True)
    page.locator("section.cluster li a").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    page.close()
