"""The library's front door: analyse a text, open a store, ingest files."""

from __future__ import annotations

from .ingest import ingest
from .inputs import article_id
from .model import Article, Record, Rejection, Resources
from .pipeline import analyse, load_resources, prepare
from .store import open_store


def analyse_text(
    text: str,
    *,
    published: str | None = None,
    html: bool = False,
    url: str | None = None,
    title: str | None = None,
    resources: Resources | None = None,
) -> Record | Rejection:
    """Analyse one article given as text (scraped text/markdown, or HTML with ``html=True``)."""
    art = Article(
        id=article_id(text.encode("utf-8")),
        source=url or "<text>",
        raw=text,
        is_html=html,
        url=url,
        title=title,
        published=published,
        published_from="input-field" if published else None,
    )
    doc = prepare(art)
    if isinstance(doc, Rejection):
        return doc
    return analyse(doc, resources or load_resources())


__all__ = ["analyse_text", "ingest", "open_store"]
