"""A merged id answers on every route that takes an entity id: a 308 to the same request
with the surviving id, built from the route's own parameters, relative to the service."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.model.actors import Role
from app.store.db import open_graph
from app.store.localserver import LocalNeo4j
from app.writes.keys import create_key
from tests.conftest import settings_for

SOURCE = "seed-000-eb3fd6c821e75620"
QUOTE = "Alejandro Mayorkas, who attended the inauguration of Panama’s President-elect José Raúl Mulino"


@pytest.fixture(scope="module")
def api(seeded_server: LocalNeo4j) -> Iterator[TestClient]:
    """The seed story plus a person whose id is also a path segment ("entities"), merged."""
    settings = settings_for(seeded_server)
    graph = open_graph(settings)
    editor, admin = (create_key(graph, f"merge {role}", Role(role))[0] for role in ("editor", "admin"))
    graph.close()
    with TestClient(create_app(settings)) as client:
        cite = {"source": SOURCE, "quote": QUOTE, "confidence": 1.0, "mode": "asserted"}
        for ident in ("entities", "merge-target"):
            assert client.post("/entities", headers={"Authorization": f"Bearer {editor}"}, json={
                "id": ident, "type": "Person", "name": ident.title(), "citations": [cite]}).status_code == 201
        assert client.post("/relationships", headers={"Authorization": f"Bearer {editor}"}, json={
            "type": "ATTENDED", "from": "entities", "to": "inauguration-of-jose-raul-mulino",
            "citations": [cite]}).status_code == 201
        merged = client.post("/entities/entities/merge", headers={"Authorization": f"Bearer {admin}"},
                             json={"into": "merge-target"})
        assert merged.status_code == 200, merged.text
        yield client


@pytest.mark.parametrize("old, new", [
    ("/entities/entities", "/entities/merge-target"),
    ("/entities/entities?per_type=3", "/entities/merge-target?per_type=3"),
    ("/entities/entities/neighbors?depth=2", "/entities/merge-target/neighbors?depth=2"),
    ("/entities/entities/timeline", "/entities/merge-target/timeline"),
    ("/paths?from=entities&to=panama", "/paths?from=merge-target&to=panama"),
    ("/paths?from=panama&to=entities&k=2", "/paths?from=panama&to=merge-target&k=2"),
    ("/connections?ids=entities&ids=panama", "/connections?ids=merge-target&ids=panama"),
    ("/subgraph?ids=panama&ids=entities", "/subgraph?ids=panama&ids=merge-target"),
    ("/id/entities?format=json", "/id/merge-target?format=json"),
])
def test_a_merged_id_redirects_with_the_routes_own_parameters(api: TestClient, old: str, new: str) -> None:
    moved = api.get(old, follow_redirects=False, headers={"Host": "evil.example"})
    assert moved.status_code == 308, moved.text
    assert moved.headers["location"] == new
    assert api.get(old).status_code == 200  # and the survivor answers


def test_the_survivor_holds_what_the_merged_id_had(api: TestClient) -> None:
    neighbors = api.get("/entities/entities/neighbors").json()
    assert neighbors["center"]["id"] == "merge-target"
    assert "inauguration-of-jose-raul-mulino" in {n["id"] for n in neighbors["nodes"]}
    changes = api.get("/entities/entities/history").json()["changes"]
    assert [c["action"] for c in changes if c["target"] == "entities"][-1] == "merge"
