"""The JSON API under ``/api`` (OpenAPI at ``/openapi.json``, readable at ``/docs``)."""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from . import DEFAULT_PAGE, MAX_INGEST_ARTICLES, MAX_INGEST_BYTES, MAX_PAGE, MAX_QUERY_CHARS

router = APIRouter()

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="rows to skip")]
Since = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD (or YYYY-MM, YYYY), inclusive")]
Until = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD (or YYYY-MM, YYYY), inclusive")]
Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
StatusQ = Annotated[Literal["occurred", "planned", "possible", "negated"] | None, Query(description="event status")]


def stores(request: Request) -> Any:
    return request.app.state.stores


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"ok": True, "count": len(items), "limit": limit, "offset": offset, "items": items}


@router.get("/healthz", tags=["meta"], summary="Liveness: the database answers")
def healthz(request: Request) -> dict[str, Any]:
    with stores(request).session() as s:
        s.scalar("SELECT 1")
    return {"ok": True}


@router.get("/api/stats", tags=["meta"], summary="How much is stored")
def stats(request: Request) -> dict[str, Any]:
    with stores(request).session() as s:
        counts = s.counts()
        types = s.rows("SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
    return {"ok": True, "counts": counts, "event_types": {r["type"]: r["n"] for r in types}}


@router.get("/api/articles", tags=["articles"], summary="Articles, newest first (filters: dates, source, words)")
def articles(
    request: Request,
    since: Since = None,
    until: Until = None,
    source: Text = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="words the text contains (whole Hindi words)")] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    with stores(request).session() as s:
        rows = s.list_articles(source=source, date_from=since, date_to=until, words=q, limit=limit, offset=offset)
        if q and rows:
            snippets = {r["id"]: r.get("snippet") for r in s.search(q, limit=MAX_PAGE)}
            for r in rows:
                r["snippet"] = snippets.get(r["id"])
    return page(rows, limit, offset)


@router.get("/api/articles/{article_id}", tags=["articles"], summary="One article's full record (spec/record.md)")
def article(request: Request, article_id: Annotated[str, Path(max_length=MAX_QUERY_CHARS)]) -> dict[str, Any]:
    with stores(request).session() as s:
        rec = s.get(article_id)
    if rec is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return rec


@router.get("/api/events", tags=["events"], summary="Events (filters: type, participant in either script, dates, status, mode)")
def events(
    request: Request,
    type: Annotated[str | None, Query(max_length=40, description="event type, e.g. CONSULT")] = None,
    participant: Annotated[
        str | None, Query(max_length=MAX_QUERY_CHARS, description="any alias of an actor or recipient")
    ] = None,
    since: Since = None,
    until: Until = None,
    status: StatusQ = None,
    mode: Annotated[str | None, Query(max_length=40, description="e.g. video, phone, visit")] = None,
    article: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="only this article's events")] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    with stores(request).session() as s:
        rows = s.list_events(
            type=type,
            participant=participant,
            date_from=since,
            date_to=until,
            status=status,
            mode=mode,
            article_id=article,
            limit=limit,
            offset=offset,
        )
    return page(rows, limit, offset)


@router.get("/api/entities", tags=["entities"], summary="Find entities by any alias (either script, substrings)")
def entities(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    with stores(request).session() as s:
        rows = s.find_entities(q.strip(), limit=limit)
    return page(rows, limit, 0)


@router.get(
    "/api/entities/{name:path}", tags=["entities"], summary="One entity: aliases, articles, co-mentioned, events, who met whom"
)
def entity(
    request: Request,
    name: Annotated[str, Path(max_length=MAX_QUERY_CHARS)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
) -> dict[str, Any]:
    with stores(request).session() as s:
        ent = s.entity(name, limit=limit)
        if ent is None:
            raise HTTPException(404, f"no entity known as {name!r}")
        ent["network"] = s.network(ent["name"])
    return {"ok": True, **ent}


@router.get("/api/timeline", tags=["entities"], summary="Events of an entity (or of a pair) in date order")
def timeline(
    request: Request,
    entity: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
    with_: Annotated[
        str | None, Query(alias="with", max_length=MAX_QUERY_CHARS, description="only events that also involve this entity")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200,
) -> dict[str, Any]:
    with stores(request).session() as s:
        rows = s.timeline(entity, with_, limit=limit)
    return page(rows, limit, 0)


@router.get(
    "/api/clusters",
    tags=["events"],
    summary="Events merged across two or more articles, statements quoted by several, figures given by several",
)
def clusters(
    request: Request,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
    min_articles: Annotated[int, Query(ge=1, le=1000)] = 2,
    kind: Annotated[
        Literal["events", "statements", "figures"] | None,
        Query(
            description="events: typed events only; statements: one speaker quoted by several articles on one day;"
            " figures: one exact figure given by several articles on one day; all when absent"
        ),
    ] = None,
) -> dict[str, Any]:
    with stores(request).session() as s:
        rows = s.clusters(min_articles=min_articles, limit=limit, offset=offset, kind=kind)
    return page(rows, limit, offset)


# --- writing -----------------------------------------------------------------------------
class ArticleIn(BaseModel):
    """One input article (spec/record.md, Input): ``text`` or ``html`` is required."""

    model_config = ConfigDict(extra="ignore")
    id: str | None = Field(None, max_length=200)
    text: str | None = Field(None, max_length=2_000_000)
    html: str | None = Field(None, max_length=5_000_000)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40)


_BODY = TypeAdapter(ArticleIn | list[ArticleIn])
_BODY_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "anyOf": [
                        ArticleIn.model_json_schema(),
                        {"type": "array", "items": ArticleIn.model_json_schema(), "maxItems": MAX_INGEST_ARTICLES},
                    ]
                }
            }
        },
    }
}


def _ingest_items(db: str, items: list[dict[str, Any]], force: bool) -> dict[str, Any]:
    """Analyse and store articles given as JSON objects (the writer's side of POST /api/ingest)."""
    from ..ingest import ingest_articles
    from ..inputs import article_from_json
    from ..store import open_store

    arts = []
    for obj in items:
        where = "api:" + hashlib.sha256(json.dumps(obj, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]
        arts.append(article_from_json(obj, where))
    with open_store(db) as store:
        s = ingest_articles(arts, store, force=force)
    return {
        "ok": True,
        "analysed": s.analysed_ids,
        "already_stored": s.already_stored_ids,
        "copies": s.copy_ids,
        "rejected": [{"source": r.source, "reason": r.reason, "detail": r.detail} for r in s.rejections],
        "merged_events": s.merged_events,
        "merged_statements": s.merged_statements,
        "merged_figures": s.merged_figures,
    }


@router.post(
    "/api/ingest",
    tags=["articles"],
    openapi_extra=_BODY_SCHEMA,
    status_code=200,
    summary="Analyse and store articles (needs the operator's API key in X-API-Key)",
)
async def ingest(
    request: Request, force: Annotated[bool, Query(description="re-analyse articles already stored")] = False
) -> dict[str, Any]:
    key = request.app.state.api_key
    if not key:
        raise HTTPException(403, "ingest is disabled: the server was started without an API key (vaarta serve --api-key)")
    given = request.headers.get("x-api-key", "")
    if not secrets.compare_digest(given.encode(), key.encode()):
        raise HTTPException(401, "missing or wrong X-API-Key header")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_INGEST_BYTES:
        raise HTTPException(413, f"body over {MAX_INGEST_BYTES // (1024 * 1024)} MB")
    body = bytearray()  # grown in place: += on bytes would copy the whole body per chunk
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_INGEST_BYTES:
            raise HTTPException(413, f"body over {MAX_INGEST_BYTES // (1024 * 1024)} MB")
    try:
        parsed = _BODY.validate_json(bytes(body) or b"null")
    except ValidationError as e:
        raise RequestValidationError([{**err, "loc": ("body", *err.get("loc", ()))} for err in e.errors()[:5]]) from e
    items = parsed if isinstance(parsed, list) else [parsed]
    if not items:
        raise HTTPException(422, "no articles in the body")
    if len(items) > MAX_INGEST_ARTICLES:
        raise HTTPException(413, f"at most {MAX_INGEST_ARTICLES} articles per request")
    objs = [a.model_dump(exclude_none=True) for a in items]
    for i, o in enumerate(objs):
        if not (o.get("text") or "").strip() and not (o.get("html") or "").strip():
            raise HTTPException(422, f"article {i}: needs a non-empty 'text' or 'html'")

    def work() -> dict[str, Any]:
        with request.app.state.write_lock:
            return _ingest_items(request.app.state.db, objs, force)

    return await run_in_threadpool(work)
