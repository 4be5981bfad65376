"""The entity and timeline routes apply the rate limit, access check and parameters
themselves (app.routers.lean).
Each answer and their OpenAPI must be what the same route declared the FastAPI way gives."""

from collections.abc import Iterator
from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Depends, FastAPI, Query
from fastapi.exceptions import RequestValidationError
from fastapi.testclient import TestClient
from starlette.requests import Request

from app.auth import ReadAccess
from app.db import Graph
from app.deps import AsyncGraphDep
from app.entities import get_entity
from app.explore import timeline
from app.main import create_app
from app.middleware import rate_limited
from app.models import EntityOut, TimelineOut
from app.requests import EntityParams, SearchParams, TimelineParams
from app.routers import ERRORS, entities
from app.routers.lean import EntityId, query_of
from app.settings import Settings

LEAN_PATHS = ["/entities/{entity_id}", "/entities/{entity_id}/timeline"]


def declared_app(settings: Settings) -> FastAPI:
    """The app with the two routes declared through FastAPI's solver in their place. The app
    adds them to its own routes, where its dependencies do not reach, so the router carries
    the rate limit as well as the access check."""
    router = APIRouter(tags=["entities"], dependencies=[Depends(rate_limited), ReadAccess])

    @router.get(LEAN_PATHS[0], response_model=EntityOut, responses=ERRORS)
    async def read_entity(entity_id: EntityId, params: Annotated[EntityParams, Query()],
                          graph: AsyncGraphDep) -> EntityOut:
        return await graph.run(get_entity(entity_id, params.t, params.per_type))

    @router.get(LEAN_PATHS[1], response_model=TimelineOut, responses=ERRORS)
    async def read_timeline(entity_id: EntityId, params: Annotated[TimelineParams, Query()],
                            graph: AsyncGraphDep) -> TimelineOut:
        return await graph.run(timeline(entity_id, params))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(entities, "lean_router", router)
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
def test_lean_routes_answer_as_the_declared_routes(client: TestClient, declared: TestClient,
                                                   path: str, headers: dict[str, str]) -> None:
    lean, reference = client.get(path, headers=headers), declared.get(path, headers=headers)
    assert (lean.status_code, lean.json()) == (reference.status_code, reference.json())
    for header in ("www-authenticate", "content-type", "location"):
        assert lean.headers.get(header) == reference.headers.get(header), header


def test_lean_routes_are_documented_as_the_declared_routes(client: TestClient,
                                                            declared: TestClient) -> None:
    lean, reference = client.get("/openapi.json").json(), declared.get("/openapi.json").json()
    for path in LEAN_PATHS:
        assert lean["paths"][path]["get"]["parameters"] == reference["paths"][path]["get"]["parameters"]
        for key in ("security", "responses"):
            assert lean["paths"][path]["get"][key] == reference["paths"][path]["get"][key]
    assert lean["components"] == reference["components"]


def request_for(query: str) -> Request:
    return Request({"type": "http", "method": "GET", "path": "/", "headers": [],
                    "query_string": query.encode()})


def test_query_of_reads_every_value_of_a_list_field_and_the_last_of_others() -> None:
    params = query_of(request_for("type=Person&type=Country&limit=5&limit=7&q=Mulino"), SearchParams)
    assert [str(t) for t in params.type] == ["Person", "Country"]
    assert (params.limit, params.q) == (7, "Mulino")
    assert [str(t) for t in query_of(request_for("type=Person"), SearchParams).type] == ["Person"]


@pytest.mark.parametrize("query, loc", [("type=Spaceship", ["query", "type", 0]),
                                        ("limit=0", ["query", "limit"]),
                                        ("colour=red", ["query", "colour"])])
def test_query_of_errors_name_the_field_as_fastapi_does(query: str, loc: list[Any]) -> None:
    with pytest.raises(RequestValidationError) as caught:
        query_of(request_for(query), SearchParams)
    assert [list(e["loc"]) for e in caught.value.errors()] == [loc]
