"""The web page: server-rendered HTML (Jinja2, autoescaped), no scripts, no external assets."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from . import DEFAULT_PAGE, MAX_PAGE, MAX_QUERY_CHARS
from .highlight import render

router = APIRouter(include_in_schema=False)

STATUSES = ("occurred", "planned", "possible", "negated")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
Opt = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]


def _html(request: Request, template: str, **ctx: Any) -> HTMLResponse:
    env = request.app.state.templates
    ctx.setdefault("path", request.url.path)
    return HTMLResponse(env.get_template(template).render(**ctx))


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None (never a javascript: or data: link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _clean(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None


def _date(v: str | None, name: str) -> str | None:
    v = _clean(v)
    if v and not _DATE.match(v):
        raise HTTPException(422, f"{name}: expected a date YYYY-MM-DD, got {v!r}")
    return v


def _paging(request: Request, limit: int, offset: int, n: int) -> dict[str, str | None]:
    params = {k: v for k, v in request.query_params.items() if k not in ("offset",) and v}

    def link(off: int) -> str:
        return request.url.path + "?" + urlencode({**params, "offset": str(off)})

    return {"prev": link(max(0, offset - limit)) if offset > 0 else None, "next": link(offset + limit) if n >= limit else None}


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with request.app.state.stores.session() as s:
        counts = s.counts()
        latest_events = s.list_events(limit=12)
        latest_articles = s.list_articles(limit=12)
    return _html(request, "home.html", counts=counts, events=latest_events, articles=latest_articles)


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    q: Opt = None,
    source: Opt = None,
    since: Opt = None,
    until: Opt = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    f = {"q": _clean(q), "source": _clean(source), "since": _date(since, "since"), "until": _date(until, "until")}
    with request.app.state.stores.session() as s:
        rows = s.list_articles(
            source=f["source"], date_from=f["since"], date_to=f["until"], words=f["q"], limit=limit, offset=offset
        )
        if f["q"] and rows:
            snippets = {r["id"]: r.get("snippet") for r in s.search(f["q"], limit=MAX_PAGE)}
            for r in rows:
                r["snippet"] = snippets.get(r["id"])
    return _html(request, "articles.html", rows=rows, f=f, paging=_paging(request, limit, offset, len(rows)))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Annotated[str, Path(max_length=MAX_QUERY_CHARS)]) -> HTMLResponse:
    with request.app.state.stores.session() as s:
        rec = s.get(article_id)
        raw = s.raw(article_id) if rec else None
    if rec is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    text = rec.get("text") or ""
    quotes = [dict(q, words=text[q["start"] : q["end"]]) for q in rec.get("quotes") or []]
    removed = [dict(r, text=(raw or "")[r["raw_start"] : r["raw_end"]]) for r in rec.get("removed") or []]
    return _html(
        request,
        "article.html",
        rec=rec,
        body=render(rec, raw),
        quotes=quotes,
        removed=removed,
        source_url=safe_url(rec.get("url")),
    )


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    type: Opt = None,
    participant: Opt = None,
    since: Opt = None,
    until: Opt = None,
    status: Opt = None,
    mode: Opt = None,
    article: Opt = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    f = {
        "type": _clean(type),
        "participant": _clean(participant),
        "since": _date(since, "since"),
        "until": _date(until, "until"),
        "status": _clean(status),
        "mode": _clean(mode),
        "article": _clean(article),
    }
    if f["status"] and f["status"] not in STATUSES:
        raise HTTPException(422, f"status: one of {', '.join(STATUSES)}")
    with request.app.state.stores.session() as s:
        rows = s.list_events(
            type=f["type"],
            participant=f["participant"],
            date_from=f["since"],
            date_to=f["until"],
            status=f["status"],
            mode=f["mode"],
            article_id=f["article"],
            limit=limit,
            offset=offset,
        )
        types = [r["type"] for r in s.rows("SELECT DISTINCT type FROM events ORDER BY type")]
        modes = [r["mode"] for r in s.rows("SELECT DISTINCT mode FROM events WHERE mode IS NOT NULL ORDER BY mode")]
    return _html(
        request,
        "events.html",
        rows=rows,
        f=f,
        types=types,
        modes=modes,
        statuses=STATUSES,
        paging=_paging(request, limit, offset, len(rows)),
    )


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, q: Opt = None) -> HTMLResponse:
    query = _clean(q)
    rows: list[dict[str, Any]] = []
    if query:
        with request.app.state.stores.session() as s:
            rows = s.find_entities(query, limit=50)
    return _html(request, "entities.html", rows=rows, q=query)


def network_svg(center: str, others: list[dict[str, Any]], size: int = 360) -> dict[str, Any]:
    """Positions for a radial who-met-whom drawing (the template draws it as inline SVG)."""
    c = size / 2
    r = size / 2 - 70
    top = max((o["n"] for o in others), default=1)
    nodes = []
    for i, o in enumerate(others[:16]):
        a = 2 * math.pi * i / max(1, min(len(others), 16)) - math.pi / 2
        x, y = c + r * math.cos(a), c + r * math.sin(a)
        nodes.append(
            {
                "name": o["name"],
                "n": o["n"],
                "x": round(x, 1),
                "y": round(y, 1),
                "w": round(1 + 5 * o["n"] / top, 1),
                "anchor": "start" if math.cos(a) > 0.2 else "end" if math.cos(a) < -0.2 else "middle",
                "ty": round(y + (16 if math.sin(a) > 0.5 else -10 if math.sin(a) < -0.5 else 4), 1),
                "tx": round(x + (10 if math.cos(a) > 0.2 else -10 if math.cos(a) < -0.2 else 0), 1),
            }
        )
    return {"size": size, "c": c, "center": center, "nodes": nodes}


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity(
    request: Request,
    name: Annotated[str, Path(max_length=MAX_QUERY_CHARS)],
    with_: Annotated[str | None, Query(alias="with", max_length=MAX_QUERY_CHARS)] = None,
) -> HTMLResponse:
    other = _clean(with_)
    with request.app.state.stores.session() as s:
        ent = s.entity(name, limit=100)
        if ent is None:
            raise HTTPException(404, f"no entity known as {name!r}")
        net = s.network(ent["name"])
        timeline = s.timeline(ent["name"], other, limit=200)
    return _html(request, "entity.html", ent=ent, net=network_svg(ent["name"], net), network=net, timeline=timeline, other=other)


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def _merged_page(request: Request, kind: str, template: str, limit: int, offset: int) -> HTMLResponse:
    """A page of merged clusters of one kind (events, statements, figures)."""
    with request.app.state.stores.session() as s:
        rows = s.clusters(min_articles=2, limit=limit, offset=offset, kind=kind)
    return _html(request, template, rows=rows, paging=_paging(request, limit, offset, len(rows)))


@router.get("/clusters", response_class=HTMLResponse)
def clusters(request: Request, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> HTMLResponse:
    return _merged_page(request, "events", "clusters.html", limit, offset)


@router.get("/statements", response_class=HTMLResponse)
def statements(request: Request, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> HTMLResponse:
    return _merged_page(request, "statements", "statements.html", limit, offset)


@router.get("/figures", response_class=HTMLResponse)
def figures(request: Request, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> HTMLResponse:
    return _merged_page(request, "figures", "figures.html", limit, offset)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI schema (no external scripts)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "params": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description") or p.get("schema", {}).get("description", ""),
                            "type": _schema_type(p.get("schema", {})),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": "requestBody" in op,
                }
            )
    return _html(request, "docs.html", ops=ops, info=spec.get("info", {}))


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    t = str(schema.get("type", ""))
    if "maximum" in schema:
        t += f" ≤ {schema['maximum']}"
    if "maxLength" in schema:
        t += f" (≤ {schema['maxLength']} chars)"
    return t
