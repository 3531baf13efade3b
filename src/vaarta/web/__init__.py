"""``vaarta serve``: the JSON API (``/api/…``, documented at ``/docs``) and the web page.

>>> from vaarta.web import create_app
>>> app = create_app("vaarta.db")                 # a FastAPI app; read-only unless api_key is set

Queries go through the store opened read-only (one connection per worker thread); only
``POST /api/ingest`` opens a writer, and only when the operator configured an API key.
Every error, on every route, has one JSON shape: ``{"ok": false, "error": "...", "status": N}``
(pages get the same message as an HTML page).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import StoreError, VaartaError
from ..store import Store, open_store

HERE = Path(__file__).parent

# --- limits (tunable) --------------------------------------------------------------------
MAX_PAGE = 500  # largest page of any list
DEFAULT_PAGE = 50
MAX_QUERY_CHARS = 200  # longest free-text / name parameter accepted
QUERY_SECONDS = 5.0  # a single request's database work is interrupted after this long
MAX_INGEST_ARTICLES = 100  # articles in one POST /api/ingest
MAX_INGEST_BYTES = 10 * 1024 * 1024  # body size of one POST /api/ingest

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
    " form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class QueryTimeout(Exception):
    """A request's database work ran past QUERY_SECONDS."""


class Stores:
    """Read-only stores, one per worker thread (a SQLite/psycopg connection is not shared)."""

    def __init__(self, db: str, timeout_s: float = QUERY_SECONDS) -> None:
        self.db = db
        self.timeout_s = timeout_s
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, readonly=True)
            self._local.deadline = None
            conn = store.conn
            if isinstance(conn, sqlite3.Connection):
                local = self._local

                def over() -> int:
                    d = local.deadline
                    return 1 if d is not None and time.monotonic() > d else 0

                conn.set_progress_handler(over, 20_000)
            else:  # PostgreSQL: the server enforces it
                conn.execute(f"SET statement_timeout = {int(self.timeout_s * 1000)}")
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    @contextmanager
    def session(self) -> Iterator[Store]:
        """The thread's store, with the per-request deadline armed."""
        store = self.get()
        self._local.deadline = time.monotonic() + self.timeout_s
        try:
            yield store
        except sqlite3.OperationalError as e:
            if "interrupted" in str(e):
                raise QueryTimeout from e
            raise
        except Exception as e:
            if type(e).__name__ == "QueryCanceled":
                raise QueryTimeout from e
            raise
        finally:
            self._local.deadline = None

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                with suppress(Exception):
                    s.close()
            self._all.clear()


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from .highlight import entity_url, events_url
    from .pages import safe_url

    env.globals.update(entity_url=entity_url, events_url=events_url, safe_url=safe_url)
    return env


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def _wants_json(request: Request) -> bool:
    p = request.url.path
    return p.startswith(("/api/", "/api", "/healthz", "/openapi.json")) or "text/html" not in request.headers.get("accept", "")


def create_app(
    db: str, api_key: str | None = None, *, cors_origins: list[str] | None = None, query_seconds: float = QUERY_SECONDS
) -> FastAPI:
    """The FastAPI application over the store at ``db`` (SQLite path or postgresql:// URL).

    ``api_key`` enables ``POST /api/ingest`` (header ``X-API-Key``); without it the server
    never writes. ``cors_origins`` (or env ``VAARTA_CORS_ORIGINS``, comma-separated) allows
    cross-origin reads from those origins; the default is same-origin only.
    """
    # fail early, with the store's own message, when the database is missing or unreadable
    open_store(db, readonly=True).close()

    stores = Stores(db, query_seconds)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="vaarta",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        description="Hindi news as structured facts: articles, entities, events, quotes, with evidence offsets.",
    )
    app.state.db = db
    app.state.api_key = api_key or None
    app.state.stores = stores
    app.state.templates = _templates()
    app.state.write_lock = threading.Lock()

    origins = (
        cors_origins
        if cors_origins is not None
        else [o.strip() for o in os.environ.get("VAARTA_CORS_ORIGINS", "").split(",") if o.strip()]
    )
    if origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET"], allow_headers=["X-API-Key"])

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    def error_response(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse(error_body(status, message), status_code=status, headers=SECURITY_HEADERS)
        html = app.state.templates.get_template("error.html").render(status=status, message=message, path=request.url.path)
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        msg = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            msg = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, msg)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where or 'request'}: {e.get('msg')}")
        return error_response(request, 422, "; ".join(parts) or "invalid request")

    @app.exception_handler(QueryTimeout)
    async def timeout_error(request: Request, exc: QueryTimeout) -> Response:
        return error_response(request, 503, f"the query took longer than {query_seconds:g} s; narrow it (filters, smaller pages)")

    @app.exception_handler(VaartaError)
    async def vaarta_error(request: Request, exc: VaartaError) -> Response:
        status = 503 if isinstance(exc, StoreError) else 400
        return error_response(request, status, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # no traceback or exception text to the client; the server log has it
        import logging

        logging.getLogger("vaarta.web").exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal error (logged on the server)")

    from .api import router as api_router
    from .pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, api_key: str | None = None) -> None:
    """Serve the API and web page over ``db`` with uvicorn until Ctrl-C."""
    import uvicorn

    app = create_app(db, api_key=api_key)
    from ..store.postgres import redact

    shown = f"[{host}]" if ":" in host else host
    print(f"vaarta: serving {redact(db)} at http://{shown}:{port}/ (Ctrl-C to stop)", flush=True)
    if api_key:
        print("vaarta: POST /api/ingest is enabled (X-API-Key)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


__all__ = ["create_app", "error_body", "serve"]
