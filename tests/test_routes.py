"""Every route: the rate limit and the access check cover all of them, and the entity and
timeline routes (which send the answer their read already validated) answer and are
documented exactly as the same routes returning their model the plain FastAPI way."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import pytest
from fastapi import APIRouter, FastAPI, Query
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute, Mount

from app.api.deps import AsyncGraphDep
from app.api.routers import MOVED, EntityId, entities
from app.main import create_app
from app.model.params import EntityParams, TimelineParams
from app.model.responses import EntityOut, TimelineOut
from app.reads.entities import get_entity
from app.reads.timeline import timeline
from app.schema.loader import get_schema
from app.settings import Settings
from app.store.db import Graph

PLAIN_PATHS = ["/entities/{entity_id}", "/entities/{entity_id}/timeline"]
# What anyone may open with READS_REQUIRE_KEY set: the service's health and the page shell.
PUBLIC = {"/health", "/", "/docs", "/openapi.json", "/static/vendor/cytoscape.min.js",
          "/review", "/review/{ingest_id}",  # page shells; their data needs an editor key
          "/static", "/static/vendor/swagger-ui", "/docs/oauth2-redirect"}
STATIC = Path(__file__).resolve().parent.parent / "app" / "web" / "static"


def routes(items: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(method, path) of every route, included routers and mounts opened up."""
    for route in items:
        original = getattr(route, "original_router", None)
        if original is not None:
            yield from routes(original.routes, prefix + route.include_context.prefix)  # type: ignore[attr-defined]
        elif isinstance(route, Mount):
            yield "GET", prefix + route.path
        else:
            for method in sorted(getattr(route, "methods", None) or {"GET"}):
                if method != "HEAD":
                    yield method, prefix + route.path  # type: ignore[attr-defined]


def concrete(path: str) -> str:
    """A URL for the route: every path parameter filled in."""
    path = path.replace("{key_id}", "0123456789ab")
    path = re.sub(r"\{[^}]+\}", "panama", path)
    return path + "/browser.css" if path in ("/static", "/static/vendor/swagger-ui") else path


def all_routes(app: FastAPI) -> list[tuple[str, str]]:
    found = sorted(set(routes(app.router.routes)))
    assert len(found) > 30 and ("GET", "/entities/{entity_id}") in found
    return found


def test_every_route_spends_from_the_rate_limit(settings: Settings, graph: Graph) -> None:
    limited = settings.model_copy(update={"rate_limit": "1/minute"})
    app = create_app(limited)
    with TestClient(app) as c:
        assert c.get("/health").status_code == 200  # the budget of one, spent
        escaped = [(method, path) for method, path in all_routes(app)
                   if c.request(method, concrete(path)).status_code != 429]
    assert escaped == []


def test_every_read_and_write_route_checks_access(settings: Settings, graph: Graph) -> None:
    private = settings.model_copy(update={"reads_require_key": True})
    app = create_app(private)
    with TestClient(app) as c:
        answers = {(method, path): c.request(method, concrete(path)).status_code
                   for method, path in all_routes(app)}
    escaped = {route: status for route, status in answers.items()
               if route[1] not in PUBLIC and status != 401}
    assert escaped == {}
    assert answers[("GET", "/health")] == 200 and answers[("GET", "/")] == 200


def declared_app(settings: Settings) -> FastAPI:
    """The app with the two routes returning their model, for FastAPI to validate and
    serialize as usual, in place of the routes that send the validated answer themselves."""
    router = APIRouter(tags=["entities"])

    @router.get(PLAIN_PATHS[0], response_model=EntityOut, responses=MOVED)
    async def read_entity(entity_id: EntityId, params: Annotated[EntityParams, Query()],
                          graph: AsyncGraphDep) -> EntityOut:
        return await graph.run(get_entity(entity_id, params.t, params.per_type))

    @router.get(PLAIN_PATHS[1], response_model=TimelineOut, responses=MOVED)
    async def read_timeline(entity_id: EntityId, params: Annotated[TimelineParams, Query()],
                            graph: AsyncGraphDep) -> TimelineOut:
        return await graph.run(timeline(entity_id, params))

    router.routes.extend(r for r in entities.router.routes if getattr(r, "path", "") not in PLAIN_PATHS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(entities, "router", router)
        return create_app(settings)


@pytest.fixture(scope="module")
def declared(settings: Settings, graph: Graph) -> Iterator[TestClient]:
    with TestClient(declared_app(settings)) as c:
        yield c


CASES: list[tuple[str, dict[str, str]]] = [
    ("/entities/panama", {}),
    ("/entities/panama?per_type=1", {}),
    ("/entities/panama?per_type=0", {}),
    ("/entities/panama?per_type=many&as_recorded=soon", {}),
    ("/entities/panama?as_recorded=2020-01-01", {}),
    ("/entities/panama?per_type=1&per_type=2", {}),
    ("/entities/panama?bogus=1", {}),
    ("/entities/" + "a" * 201, {}),
    ("/entities/atlantis", {}),
    ("/entities/panama", {"Authorization": "Bearer not-a-key"}),
    ("/entities/panama?per_type=0", {"X-API-Key": "mgk_0123_unknown"}),
    ("/entities/panama/timeline", {}),
    ("/entities/panama/timeline?limit=2&offset=1", {}),
    ("/entities/panama/timeline?limit=0", {}),
    ("/entities/panama/timeline?limit=abc&offset=-1", {}),
    ("/entities/panama/timeline?as_recorded=2020-01-01T00:00:00%2B02:00", {}),
    ("/entities/panama/timeline?unknown=&limit=3", {}),
    ("/entities/atlantis/timeline", {}),
]


@pytest.mark.parametrize("path, headers", CASES)
def test_plain_routes_answer_as_the_declared_routes(client: TestClient, declared: TestClient,
                                                    path: str, headers: dict[str, str]) -> None:
    plain, reference = client.get(path, headers=headers), declared.get(path, headers=headers)
    assert (plain.status_code, plain.json()) == (reference.status_code, reference.json())
    assert plain.content == reference.content  # the same bytes, not only the same JSON
    for header in ("www-authenticate", "content-type", "location"):
        assert plain.headers.get(header) == reference.headers.get(header), header


def test_plain_routes_are_documented_as_the_declared_routes(client: TestClient,
                                                             declared: TestClient) -> None:
    plain, reference = client.get("/openapi.json").json(), declared.get("/openapi.json").json()
    for path in PLAIN_PATHS:
        assert plain["paths"][path]["get"]["parameters"] == reference["paths"][path]["get"]["parameters"]
        for key in ("security", "responses"):
            assert plain["paths"][path]["get"][key] == reference["paths"][path]["get"][key]
    assert plain["components"] == reference["components"]


def test_schema_serves_every_entity_type_with_its_display(client: TestClient) -> None:
    answer = client.get("/schema").json()
    schema = get_schema()
    types = {t["label"]: t for t in answer["entity_types"]}
    assert set(types) == set(schema.entity_labels)
    for label, spec in types.items():
        assert set(spec["display"]) == {"color", "shape", "letter"}
        assert spec["display"] == schema.nodes[label].display
    assert {r["type"] for r in answer["relationship_types"]} == set(schema.relationships)


def test_the_browser_lists_no_entity_type_of_its_own() -> None:
    scripts = "".join(path.read_text(encoding="utf-8") for path in STATIC.rglob("*.js"))
    named = [label for label in get_schema().entity_labels if re.search(rf"\b{label}\b", scripts)]
    assert named == []


def test_every_module_of_the_browser_is_loaded_as_a_module(client: TestClient) -> None:
    page = client.get("/").text
    assert '<script type="module" src="/static/js/main.js"></script>' in page
    for path in sorted((STATIC / "js").glob("*.js")):
        answer = client.get(f"/static/js/{path.name}")
        assert answer.status_code == 200 and "javascript" in answer.headers["content-type"]


def test_head_answers_every_get_route_as_get_would_without_a_body(client: TestClient) -> None:
    """The status and headers of GET, and no body, on every GET route of the app."""
    differing = []
    for method, path in all_routes(client.app):  # type: ignore[arg-type]
        if method != "GET" or path.startswith(("/static", "/docs/oauth")):
            continue
        url = concrete(path) + ("?prefix=pa" if "suggest" in path else "?type=Country"
                                if path.endswith("propose") else "?id=panama"
                                if path.endswith("preview") else "")
        get, head = client.get(url, follow_redirects=False), client.head(url, follow_redirects=False)
        same = (head.status_code, head.headers.get("content-type")) == \
            (get.status_code, get.headers.get("content-type"))
        if not same or head.content:
            differing.append((url, get.status_code, head.status_code, len(head.content)))
    assert differing == []


def test_a_406_says_it_varies_by_accept(client: TestClient) -> None:
    answer = client.get("/id/panama", headers={"Accept": "image/png"})
    assert answer.status_code == 406 and "Accept" in answer.headers["vary"].split(", ")
