"""The analysis pipeline: one article in, one :class:`Record` out.

``prepare`` turns an :class:`Article` into a cleaned :class:`Document` (or a
:class:`Rejection`); ``analyse`` runs the stages on it. Both are pure functions of their
arguments plus read-only :class:`Resources`, so they run unchanged in a process pool or on a
distributed engine (Dask, Spark): ship ``Resources`` once per worker, map ``analyse_article``.
"""

from __future__ import annotations

from functools import lru_cache

from . import clean, html, segment, timex
from .entities import find_entities
from .events import find_events
from .events_lexicon import load_lexicon
from .garble import find_garbled
from .kb import default_kb
from .model import Article, Document, Record, Rejection, Resources
from .ner import Tagger
from .normalize import assemble
from .quotes import find_quotes
from .timex import find_times

MIN_DEVANAGARI_SHARE = 0.5  # of letters; below this a page is "not Hindi"
MIN_TEXT_CHARS = 20


def prepare(article: Article) -> Document | Rejection:
    """Clean and segment one article; reject it (with a reason) when it has no Hindi text."""
    raw = article.raw
    title, url, author = article.title, article.url, None
    published, published_from = article.published, article.published_from
    if article.is_html:
        ex = html.extract(raw, url=article.url)
        if ex is None:
            return Rejection(
                article.source, "no-article-text", "no main text found in the HTML (empty, truncated or not an article page)"
            )
        raw = ex.text
        title = title or ex.title
        url = url or ex.url
        author = ex.author
        if not published and ex.date:
            published, published_from = ex.date[:10], "html-meta"
    cut = clean.find_boilerplate(raw)
    text, runs = assemble(raw, [(r.raw_start, r.raw_end) for r in cut])
    if len(text.strip()) < MIN_TEXT_CHARS:
        return Rejection(article.source, "empty", "no article text left after cleaning")
    if not clean.devanagari_at_least(text, MIN_DEVANAGARI_SHARE):
        share = clean.devanagari_share(text)
        return Rejection(article.source, "not-hindi", f"only {share:.0%} of the letters are Devanagari")
    if not published:  # the dateline is often in a line cleaning removes: read the raw text
        published, published_from = _published_fallback(url, raw[:2000])
    if title is None and not article.is_html:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= 300 else None
    return Document(
        id=article.id,
        source=article.source,
        raw=raw,
        text=text,
        offsets=runs,
        removed=tuple(cut),
        sentences=tuple(segment.split_sentences(text)),
        tokens=tuple(segment.tokenize(text)),
        title=title,
        url=url,
        published=published,
        published_from=published_from,
        author=author,
    )


def _published_fallback(url: str | None, text: str) -> tuple[str | None, str | None]:
    if url and (d := timex.published_from_url(url)):
        return d, "url"
    if d := timex.published_from_text(text[:600]):
        return d, "text"
    return None, None


def analyse(doc: Document, res: Resources) -> Record:
    """Run every analysis stage over a cleaned document."""
    entities, flags = find_entities(doc, res)
    times = find_times(doc)
    events = find_events(doc, entities, times, res)
    quotes = find_quotes(doc, entities, res)
    flags = [*flags, *find_garbled(doc)]
    return Record(
        document=doc,
        entities=tuple(entities),
        times=tuple(times),
        events=tuple(events),
        quotes=tuple(quotes),
        flags=tuple(sorted(flags, key=lambda f: (f.start, f.end))),
    )


def analyse_article(article: Article, res: Resources) -> Record | Rejection:
    """``prepare`` then ``analyse``: the unit of work for a batch or a distributed map."""
    doc = prepare(article)
    return doc if isinstance(doc, Rejection) else analyse(doc, res)


@lru_cache(maxsize=4)
def load_resources(with_ner: bool = True) -> Resources:
    """The packaged knowledge base and NER model (loaded once per process; the knowledge base
    is the same object the store's alias lookups use). The event trigger lexicon is compiled
    here too, so the first article does not pay for it."""
    load_lexicon()
    return Resources(kb=default_kb(), ner=Tagger.load() if with_ner else None)
