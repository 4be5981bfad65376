"""Hostile but well-formed input: a clear 4xx naming the field, never a 500, never a write."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.model.actors import Role
from app.store.db import Graph
from app.store.localserver import LocalNeo4j
from app.writes.keys import create_key
from tests.conftest import settings_for, snapshot

SOURCE = "seed-000-eb3fd6c821e75620"


@pytest.fixture(scope="module")
def api(seeded_server: LocalNeo4j, db: Graph) -> Iterator[TestClient]:
    settings = settings_for(seeded_server, max_body_bytes=64 * 1024)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        client.headers["Authorization"] = "Bearer " + create_key(db, "input tester", Role.editor)[0]
        yield client


def entity_json(name: str = '"Probe Person"', confidence: str = "0.9") -> str:
    return ('{"id": "probe-person", "type": "Person", "name": ' + name + ', "citations": '
            '[{"source": "' + SOURCE + '", "quote": "Mayorkas", "confidence": ' + confidence
            + ', "mode": "asserted"}]}')


@pytest.mark.parametrize("body, field", [
    (entity_json(name='"Jos\\ud800"'), "body.name"),
    (entity_json(confidence="1e999"), "body.citations.0.confidence"),
    (entity_json(confidence="NaN"), "body"),
    (entity_json(name='{"\\udfff": 1}'), "body.name"),
])
def test_text_and_numbers_json_allows_but_nothing_can_store_are_a_422(api: TestClient, db: Graph,
                                                                      body: str, field: str) -> None:
    before = snapshot(db)
    answer = api.post("/entities", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"].startswith(field)
    assert snapshot(db) == before


def test_deeply_nested_json_is_a_422_naming_the_depth(api: TestClient, db: Graph) -> None:
    before = snapshot(db)
    deep = '{"entities": ' + "[" * 1000 + "]" * 1000 + "}"
    answer = api.post("/import", content=deep, headers={"Content-Type": "application/json"})
    assert answer.status_code == 422 and "nested deeper" in answer.json()["detail"]
    assert snapshot(db) == before


def test_a_chunked_body_over_the_limit_is_a_413_on_every_write_route(api: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b" " * 1024

    for path in ("/entities", "/import", "/sources", "/relationships"):
        answer = api.post(path, content=chunks(), headers={"Content-Type": "application/json"})
        assert answer.status_code == 413, (path, answer.text)


@pytest.mark.parametrize("source", [
    {"id": "no-text-source", "kind": "report", "text_file": "article.txt"},
    {"id": "blank-text-source", "kind": "report", "text": "   \n "},
])
def test_a_source_needs_its_text(api: TestClient, db: Graph, source: dict[str, str]) -> None:
    before = snapshot(db)
    answer = api.post("/sources", json=source)
    assert answer.status_code == 422 and "text" in answer.json()["detail"]
    assert snapshot(db) == before


def test_the_history_of_an_unknown_id_is_a_404(api: TestClient) -> None:
    assert api.get("/entities/atlantis/history").status_code == 404
    assert api.get("/entities/panama/history").status_code == 200


def test_no_redirect_is_built_from_the_host_header(api: TestClient) -> None:
    answer = api.get("/entities/", headers={"Host": "evil.example"}, follow_redirects=False)
    assert "evil.example" not in answer.headers.get("location", "")
    assert answer.status_code == 404


@pytest.mark.parametrize("path", ["/agreements?offset=100000000", "/policies?offset=100000000"])
def test_every_offset_has_a_bound(api: TestClient, path: str) -> None:
    answer = api.get(path)
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["loc"] == ["query", "offset"]


def test_every_integer_parameter_of_every_route_has_a_bound(api: TestClient) -> None:
    unbounded = []
    for path, operations in api.get("/openapi.json").json()["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                for kind in [schema, *schema.get("anyOf", [])]:
                    if kind.get("type") == "integer" and "maximum" not in kind:
                        unbounded.append(f"{method.upper()} {path} {parameter['name']}")
    assert unbounded == []


def test_a_batch_over_the_record_limit_is_refused_at_once(seeded_server: LocalNeo4j, db: Graph) -> None:
    settings = settings_for(seeded_server, max_batch_records=3)
    records = [{"id": f"cap-person-{i}", "type": "Person", "name": f"Cap Person {i}", "citations": [
        {"source": SOURCE, "quote": "Mayorkas", "confidence": 0.5, "mode": "asserted"}]} for i in range(4)]
    count = "MATCH (n:Entity) WHERE n.id STARTS WITH 'cap-person-' RETURN count(n) AS n"
    with TestClient(create_app(settings)) as client:
        key = create_key(db, "cap tester", Role.editor)[0]
        answer = client.post("/import", json={"entities": records},
                             headers={"Authorization": f"Bearer {key}"})
        assert answer.status_code == 413 and "at most 3" in answer.json()["detail"]
        assert db.read(count)[0]["n"] == 0
        fits = client.post("/import", json={"entities": records[:3]},
                           headers={"Authorization": f"Bearer {key}"})
        assert fits.status_code == 200, fits.text
        assert db.read(count)[0]["n"] == 3


@pytest.mark.parametrize("method, path, body, status", [
    ("GET", "/entities/no-such-entity", None, 404),                  # a domain error
    ("GET", "/agreements?limit=100000", None, 422),                 # FastAPI's validation
    ("POST", "/entities", '{"id": "x", "type": "Person", "name": "\\ud800"}', 422),  # body check
    ("POST", "/entities", "x" * (65 * 1024), 413),                  # the body limit
    ("GET", "/entities?q=%7E%7E", None, 422),                       # an InvalidInput from a read
])
def test_every_error_is_one_problem_details_shape(api: TestClient, method: str, path: str,
                                                 body: str | None, status: int) -> None:
    answer = api.request(method, path, content=body, headers={"Content-Type": "application/json"})
    problem = answer.json()
    assert (answer.status_code, answer.headers["content-type"]) == (status, "application/problem+json")
    assert problem["status"] == status and problem["type"] == "about:blank"
    assert problem["title"] and problem["detail"] and "error" not in problem
    if status == 422 and "limit" in path:
        assert problem["errors"][0]["loc"] == ["query", "limit"]
        assert problem["detail"].startswith("query.limit: ")


def test_the_openapi_declares_the_problem_shape_for_every_error(api: TestClient) -> None:
    document = api.get("/openapi.json").json()
    assert "HTTPValidationError" not in document["components"]["schemas"]
    undeclared = [(path, method, status) for path, operations in document["paths"].items()
                  for method, operation in operations.items()
                  for status, response in operation["responses"].items()
                  if status[0] in "45" and set(response.get("content", {})) != {"application/problem+json"}]
    assert undeclared == []
