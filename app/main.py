"""The FastAPI application: lifespan owns the one driver; one table maps domain errors."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from neo4j import GraphDatabase

from app import middleware
from app.auth import ReadAccess
from app.db import open_async_graph, open_graph
from app.errors import DatabaseUnavailable, GraphError, Moved
from app.routers import curation, entities, explore, health, keys, linked_data, pages
from app.settings import PROJECT_ROOT, Settings, get_settings

log = logging.getLogger("app")
STATIC_DIR = Path(__file__).resolve().parent / "static"
SWAGGER_DIR = PROJECT_ROOT / "node_modules" / "swagger-ui-dist"


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    # One bookmark manager for both drivers: on a cluster, reads see this process's writes.
    bookmarks = GraphDatabase.bookmark_manager()
    graph, async_graph = open_graph(settings, bookmarks), open_async_graph(settings, bookmarks)
    try:
        graph.ping()
        await async_graph.ping()
        log.info("connected to Neo4j at %s", settings.effective_uri)
    except DatabaseUnavailable as exc:
        # Serve anyway: /health says 503 and the drivers reconnect when Neo4j returns.
        log.warning("Neo4j not reachable at start-up: %s", exc.message)
    app.state.graph, app.state.async_graph = graph, async_graph
    to_thread.current_default_thread_limiter().total_tokens = settings.api_threads
    try:
        yield
    finally:
        await async_graph.close()
        graph.close()


async def graph_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, GraphError)
    if isinstance(exc, Moved):
        # The old id of a merged entity: the same URL with the surviving id.
        old, new = exc.detail["old"], exc.detail["new"]
        target = request.url.path.replace(f"/{old}", f"/{new}", 1)
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(target + query, status_code=308)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else None
    return JSONResponse(status_code=exc.status_code, headers=headers,
                        content={"error": exc.title, "detail": exc.message})


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        docs_url=None, redoc_url=None,  # /docs below serves Swagger UI from node_modules
        dependencies=[Depends(middleware.rate_limited)],
        title="Migration news knowledge graph",
        summary="Actors, policies, agreements and countries behind migration news, every fact cited.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings = settings or get_settings()
    middleware.install(app, settings)
    app.add_exception_handler(GraphError, graph_error)
    # Reads are public unless READS_REQUIRE_KEY is set. The read routers come first:
    # a request is matched against the routes in order, and reads are most requests.
    # The lean routes (app.routers.lean) check the rate limit and read access themselves.
    # They join the app's own routes, not through include_router, whose wrapper matches
    # each request against an included router's routes twice (12 µs a request).
    app.router.routes.extend(entities.lean_router.routes)
    app.include_router(entities.router, dependencies=[ReadAccess])
    app.include_router(explore.router, dependencies=[ReadAccess])
    app.include_router(linked_data.router, dependencies=[ReadAccess])
    app.include_router(health.router)
    app.include_router(pages.router)
    app.include_router(curation.router)
    app.include_router(keys.router)
    app.mount("/static/vendor/swagger-ui", StaticFiles(directory=SWAGGER_DIR, check_dir=False),
              name="swagger-ui")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title=app.title + " - API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg")
    return app
