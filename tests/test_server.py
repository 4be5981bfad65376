"""The local server's life cycle, the 503 path, and the NEO4J_URI mode."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.errors import DatabaseUnavailable
from app.main import create_app
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j, LocalServerError
from tests.conftest import free_port, settings_for

ROOT = Path(__file__).resolve().parent.parent


def test_data_survives_a_stop_and_start(own_server: LocalNeo4j) -> None:
    graph = open_graph(settings_for(own_server))
    graph.write("UNWIND range(1, 500) AS i CREATE (:Probe {i: i})")
    graph.close()
    assert own_server.stop() is True
    assert not own_server.status().running
    assert "stopped cleanly" in own_server.log_file.read_text()
    own_server.start(timeout=180)
    graph = open_graph(settings_for(own_server))
    assert graph.read("MATCH (p:Probe) RETURN count(p) AS n")[0]["n"] == 500
    graph.close()


def test_status_and_double_start(own_server: LocalNeo4j) -> None:
    status = own_server.status()
    assert status.running and status.pid and status.data_dir == own_server.data_dir
    assert own_server.start().pid == status.pid  # already running: no second JVM


def test_start_refuses_a_port_taken_by_someone_else(own_server: LocalNeo4j, tmp_path: Path) -> None:
    intruder = LocalNeo4j(tmp_path / "other", port=own_server.port)
    with pytest.raises(LocalServerError, match="already taken"):
        intruder.start(timeout=10)


def test_health_is_503_while_neo4j_is_down_and_recovers(own_server: LocalNeo4j) -> None:
    with TestClient(create_app(settings_for(own_server))) as client:
        assert client.get("/health").status_code == 200
        own_server.stop()
        response = client.get("/health")
        assert response.status_code == 503
        assert "Neo4j" in response.json()["detail"]
        assert client.get("/entities/panama").status_code == 503
        own_server.start(timeout=180)
        assert client.get("/health").status_code == 200


def test_query_on_a_dead_server_raises_database_unavailable(tmp_path: Path) -> None:
    dead = LocalNeo4j(tmp_path / "never-started", port=free_port())
    graph = open_graph(settings_for(dead))
    with pytest.raises(DatabaseUnavailable):
        graph.read("RETURN 1")
    graph.close()


def test_neo4j_routing_uri_sends_reads_and_writes(neo4j_server: LocalNeo4j) -> None:
    """A neo4j:// URI (cluster or Aura style) works: the driver routes reads as read transactions."""
    settings = settings_for(neo4j_server, neo4j_uri=f"neo4j://127.0.0.1:{neo4j_server.port}")
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json()["neo4j"]["status"] == "up"
    graph = open_graph(settings)
    graph.write("MERGE (:RoutingProbe {k: 1})")
    assert graph.read("MATCH (p:RoutingProbe) RETURN count(p) AS n")[0]["n"] == 1
    graph.write("MATCH (p:RoutingProbe) DELETE p")
    graph.close()


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_with_neo4j_uri_nothing_is_started_locally(neo4j_server: LocalNeo4j, tmp_path: Path) -> None:
    local_data = tmp_path / "must-stay-empty"
    env = {**os.environ, "NEO4J_URI": neo4j_server.bolt_uri, "LOCAL_NEO4J_DATA": str(local_data),
           "LOCAL_NEO4J_PORT": str(free_port())}
    refused = cli("neo4j", "start", env=env)
    assert refused.returncode == 1
    assert "NEO4J_URI is set" in refused.stderr
    applied = cli("schema", "apply", env=env)
    assert applied.returncode == 0, applied.stderr
    assert "schema version" in applied.stderr
    assert not local_data.exists()


def test_cli_reports_an_unreachable_uri_clearly(tmp_path: Path) -> None:
    env = {**os.environ, "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}",
           "NEO4J_CONNECT_TIMEOUT_SECONDS": "1"}
    result = cli("schema", "apply", env=env)
    assert result.returncode == 1
    assert "Neo4j is unreachable" in result.stderr


def test_local_server_keeps_alive_only_while_streaming(graph: Graph) -> None:
    """No recv-timeout hint, so the async driver reads its sockets without a timer task
    per read (bench/README.md); the server still sends NOOPs during long results."""
    rows = graph.read("SHOW SETTINGS YIELD name, value "
                      "WHERE name = 'server.bolt.connection_keep_alive_for_requests' RETURN value")
    assert rows == [{"value": "STREAMING"}]
