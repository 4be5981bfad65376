"""Every test run gets its own real Neo4j: a fresh data folder and a free port, removed afterwards."""

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema
from app.writes.loader import load_seeds

pytest_plugins = ["tests.browsing"]  # the browser fixtures: live_url, browser, page
SEEDS = Path(__file__).resolve().parent.parent / "graph" / "seeds"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(folder: Path) -> LocalNeo4j:
    server = LocalNeo4j(folder / "neo4j", port=free_port(), heap="512m", pagecache="128m")
    server.start(timeout=180)
    return server


def settings_for(server: LocalNeo4j, **overrides: object) -> Settings:
    values: dict[str, object] = {"neo4j_uri": server.bolt_uri, "neo4j_password": None,
                                 "neo4j_connect_timeout_seconds": 2.0,
                                 "rate_limit": "100000/minute",
                                 "auth_failure_limit": "100000/minute",
                                 # Tests write nothing concurrently with a snapshot: freeze now.
                                 "snapshot_settle_seconds": 0, **overrides}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    folder = tmp_path_factory.mktemp("neo4j-shared")
    server = start_server(folder)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[LocalNeo4j]:
    """A private server for tests that stop, kill or restart the database."""
    server = start_server(tmp_path)
    yield server
    server.stop()
    shutil.rmtree(tmp_path / "neo4j", ignore_errors=True)


@pytest.fixture(scope="session")
def settings(neo4j_server: LocalNeo4j) -> Settings:
    return settings_for(neo4j_server)


@pytest.fixture(scope="session")
def graph(settings: Settings) -> Iterator[Graph]:
    """The shared database with the schema and the seed story loaded."""
    g = open_graph(settings)
    apply_schema(g)
    load_seeds(g, SEEDS)
    yield g
    g.close()


@pytest.fixture(scope="session")
def client(settings: Settings, graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def snapshot(graph: Graph) -> dict[str, object]:
    """Every node and relationship with all its properties, for before/after comparisons."""
    nodes = graph.read(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id, n.key"
    )
    rels = graph.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props "
        "ORDER BY r.id"
    )
    return {"nodes": nodes, "rels": rels}


@pytest.fixture(scope="module")
def seeded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    """A private, seeded database for a module that writes (curation, fuzzing)."""
    folder = tmp_path_factory.mktemp("neo4j-writes")
    server = start_server(folder)
    g = open_graph(settings_for(server))
    apply_schema(g)
    load_seeds(g, SEEDS)
    g.close()
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def db(seeded_server: LocalNeo4j) -> Iterator[Graph]:
    """A graph on the module's private, seeded database (`seeded_server`)."""
    graph = open_graph(settings_for(seeded_server))
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def api(seeded_server: LocalNeo4j, db: Graph) -> Iterator[TestClient]:
    """The API on the module's private, seeded database."""
    with TestClient(create_app(settings_for(seeded_server))) as client:
        yield client
