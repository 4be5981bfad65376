"""Faults: Neo4j killed in the middle of an import, and killed after committed writes."""

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from app.errors import GraphError
from app.main import create_app
from app.model.actors import Role
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema
from app.writes.keys import create_key
from app.writes.loader import load_seeds
from tests.conftest import SEEDS, free_port, settings_for

SOURCE = "seed-000-eb3fd6c821e75620"


@pytest.fixture
def service(own_server: LocalNeo4j) -> Iterator[tuple[str, Graph, str]]:
    """The real API in a thread, on a private database that the test may kill. Its batch
    limit and write deadline let a 30,000-record import run long enough to be killed."""
    settings = settings_for(own_server, max_batch_records=40_000, neo4j_write_timeout_seconds=120)
    graph = open_graph(settings)
    apply_schema(graph)
    load_seeds(graph, SEEDS)
    key = create_key(graph, "fault tester", Role.editor)[0]
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", graph, key
    server.should_exit = True
    thread.join(timeout=10)
    graph.close()


def person(i: int, prefix: str = "fault-person") -> dict[str, object]:
    return {"id": f"{prefix}-{i}", "type": "Person", "name": f"{prefix} {i}".replace("-", " ").title(),
            "aliases": [f"FP{i}"], "description": "A generated record for the fault test.",
            "citations": [{"source": SOURCE, "quote": "Mayorkas", "confidence": 0.5,
                           "mode": "asserted", "fields": ["description"]}]}


def count(graph: Graph, prefix: str) -> int:
    rows = graph.read("MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS n", p=prefix)
    return int(rows[0]["n"])


def wait_for_write(graph: Graph, timeout: float = 60) -> bool:
    """True once an UNWIND batch of the import is running inside the server."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            # Not this query itself, whose text holds the words it looks for.
            rows = graph.read("SHOW TRANSACTIONS YIELD currentQuery "
                              "WHERE currentQuery CONTAINS 'UNWIND $rows' "
                              "AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS' RETURN count(*) AS n")
        except GraphError:
            return False
        if rows and rows[0]["n"]:
            return True
        time.sleep(0.02)
    return False


def until(check: object, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def test_kill_during_import_leaves_no_partial_batch_then_recovers(
        own_server: LocalNeo4j, service: tuple[str, Graph, str]) -> None:
    url, graph, key = service
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=url, timeout=120) as client:
        committed = client.post("/import", headers=headers,
                                json={"entities": [person(i) for i in range(5)]})
        assert committed.status_code == 200 and committed.json()["created"] == 5

        big = {"entities": [person(i, "fault-batch") for i in range(30000)]}
        result: dict[str, httpx.Response] = {}
        worker = threading.Thread(target=lambda: result.update(
            response=client.post("/import", headers=headers, json=big)))
        worker.start()
        assert wait_for_write(graph), "the import never reached the database"
        own_server.kill()                                    # SIGKILL, mid-transaction
        worker.join(timeout=120)
        assert result["response"].status_code == 503, result["response"].text
        assert "Neo4j" in result["response"].json()["detail"]
        down = client.get("/health")
        assert down.status_code == 503

        own_server.start(timeout=180)
        # The same API process recovers on its own: no restart.
        assert until(lambda: client.get("/health").status_code == 200)
        assert count(graph, "fault-batch-") == 0             # nothing of the killed batch
        assert count(graph, "fault-person-") == 5            # committed before the kill: kept
        history = client.get("/entities/fault-person-0/history").json()["changes"]
        assert [c["action"] for c in history] == ["create"]
        # And the same batch goes through once the database is back.
        retry = client.post("/import", headers=headers, json={"entities": big["entities"][:2000]})
        assert retry.status_code == 200 and retry.json()["created"] == 2000
        assert count(graph, "fault-batch-") == 2000


def test_a_restart_after_a_crash_loses_no_committed_write(own_server: LocalNeo4j,
                                                          service: tuple[str, Graph, str]) -> None:
    url, graph, key = service
    with httpx.Client(base_url=url, timeout=60) as client:
        for i in range(20):
            response = client.post("/entities", headers={"Authorization": f"Bearer {key}"},
                                   json=person(i))
            assert response.status_code == 201
        own_server.kill()
        own_server.start(timeout=180)
        assert until(lambda: client.get("/health").status_code == 200)
        assert count(graph, "fault-person-") == 20
        assert client.get("/entities/fault-person-19").json()["name"] == "Fault Person 19"
