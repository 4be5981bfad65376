"""The FastAPI application: lifespan owns the one driver; one table maps domain errors."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import Depends, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from neo4j import GraphDatabase

from app.api import middleware, problems
from app.api.auth import ReadAccess
from app.api.docs import with_default_examples
from app.api.known_query import known_query_only
from app.api.routers import (
    catalog,
    curation,
    entities,
    explore,
    health,
    ingest,
    keys,
    linked_data,
    pages,
    reconcile,
    snapshots,
)
from app.errors import DatabaseUnavailable
from app.reads.gazetteer import Gazetteer
from app.settings import PROJECT_ROOT, Settings, get_settings
from app.store.db import open_async_graph, open_graph

log = logging.getLogger("app")
STATIC_DIR = Path(__file__).resolve().parent / "web" / "static"
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


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        docs_url=None, redoc_url=None,  # /docs below serves Swagger UI from node_modules
        # A slash redirect would be built from the Host header; /entities/ is simply a 404.
        redirect_slashes=False,
        title="Migration news knowledge graph",
        summary="Actors, policies, agreements and countries behind migration news, every fact cited.",
        version="0.1.0",
        lifespan=lifespan,
        # A query parameter the route does not declare is a 422 naming it, not ignored.
        dependencies=[Depends(known_query_only)],
    )
    app.state.settings = settings = settings or get_settings()
    app.state.gazetteer = Gazetteer()  # built at the first ingest, then kept current
    middleware.install(app, settings)  # the rate limit among them, for every route
    problems.install(app)
    # After problems.install: the examples go on the error responses it declares too.
    app.openapi = with_default_examples(app)  # type: ignore[method-assign]
    # Reads are public unless READS_REQUIRE_KEY is set. The read routers come first:
    # a request is matched against the routes in order, and reads are most requests.
    app.include_router(entities.router, dependencies=[ReadAccess])
    app.include_router(explore.router, dependencies=[ReadAccess])
    app.include_router(catalog.router, dependencies=[ReadAccess])
    app.include_router(linked_data.router, dependencies=[ReadAccess])
    app.include_router(reconcile.router, dependencies=[ReadAccess])
    app.include_router(health.router)
    app.include_router(pages.router)
    app.include_router(curation.router)
    app.include_router(ingest.router)
    app.include_router(keys.router)
    app.include_router(snapshots.router, dependencies=[ReadAccess])
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
