"""A database that hangs or dies: every answer comes within its deadline as a 503 with
Retry-After and no internals, a write that timed out never commits later, a killed
server is brought back by the CLI, and the CLI talks to the server `mgraph run` started."""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import ManagedTransaction

from app.errors import QueryTimeout
from app.main import create_app
from app.settings import Settings
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema
from app.writes.loader import load_seeds
from tests.conftest import SEEDS, free_port, settings_for

ROOT = Path(__file__).resolve().parent.parent
READ_DEADLINE, WRITE_DEADLINE = 1.5, 2.5


def fast_settings(server: LocalNeo4j) -> Settings:
    return settings_for(server, neo4j_read_timeout_seconds=READ_DEADLINE,
                        neo4j_write_timeout_seconds=WRITE_DEADLINE)


@pytest.fixture
def seeded(own_server: LocalNeo4j) -> Iterator[Graph]:
    """Seeded with the usual deadlines (a cold server may take seconds to load the seeds);
    the tests get a graph with the short ones."""
    loader = open_graph(settings_for(own_server))
    apply_schema(loader)
    load_seeds(loader, SEEDS)
    loader.close()
    graph = open_graph(fast_settings(own_server))
    yield graph
    graph.close()


def pid_of(server: LocalNeo4j) -> int:
    pid = server.status().pid
    assert pid is not None
    return pid


def timed_get(client: TestClient, path: str) -> tuple[int, float, dict[str, str], str]:
    started = time.monotonic()
    answer = client.get(path)
    return answer.status_code, time.monotonic() - started, dict(answer.headers), answer.text


def wait_for_health(client: TestClient, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if client.get("/health").status_code == 200:
            return True
        time.sleep(0.5)
    return False


def test_a_frozen_database_gets_quick_503s_and_the_service_recovers(own_server: LocalNeo4j,
                                                                     seeded: Graph) -> None:
    paths = ["/health", "/entities/panama", "/entities/panama/timeline",
             "/paths?from=alejandro-mayorkas&to=jose-raul-mulino", "/export?format=nt",
             "/id/panama?format=ttl", "/agreements"]
    with TestClient(create_app(fast_settings(own_server))) as client:
        assert all(client.get(path).status_code == 200 for path in paths)
        pid = pid_of(own_server)
        os.kill(pid, signal.SIGSTOP)
        try:
            answers = {path: timed_get(client, path) for path in paths}
        finally:
            os.kill(pid, signal.SIGCONT)
        for path, (status, seconds, headers, body) in answers.items():
            assert status == 503, (path, body)
            assert seconds < (2.5 if path == "/health" else READ_DEADLINE + 1.5), (path, seconds)
            assert headers.get("retry-after"), path
            assert own_server.host not in body and str(own_server.port) not in body, (path, body)
        assert json.loads(answers["/health"][3])["status"] == "degraded"
        assert wait_for_health(client, 30)
        assert client.get("/entities/panama").status_code == 200


def test_a_write_that_timed_out_on_the_client_never_commits(own_server: LocalNeo4j,
                                                             seeded: Graph) -> None:
    pid, froze = pid_of(own_server), []

    def work(tx: ManagedTransaction) -> None:
        tx.run("CREATE (:Probe {id: 'before-the-freeze'})").consume()
        if not froze:  # the server hangs in the middle of the transaction, once
            froze.append(True)
            os.kill(pid, signal.SIGSTOP)
        tx.run("CREATE (:Probe {id: 'after-the-freeze'})").consume()

    started = time.monotonic()
    try:
        with pytest.raises(QueryTimeout):
            seeded.write_transaction(work)
        assert time.monotonic() - started < WRITE_DEADLINE + 1.5
    finally:
        os.kill(pid, signal.SIGCONT)
    time.sleep(WRITE_DEADLINE + 3)  # the abandoned transaction meets the server again
    fresh = open_graph(settings_for(own_server))
    try:
        assert fresh.read("MATCH (p:Probe) RETURN count(p) AS n")[0]["n"] == 0
    finally:
        fresh.close()


def cli(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def local_env(server: LocalNeo4j, tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "LOCAL_NEO4J_DATA": str(server.data_dir), "LOCAL_NEO4J_PORT": str(server.port),
           "LOCAL_NEO4J_HEAP": "512m", "LOCAL_NEO4J_PAGECACHE": "128m",
           "RUN_STATE_FILE": str(tmp_path / "run.json")}
    env.pop("NEO4J_URI", None)
    return env


def test_a_killed_database_is_started_again_by_the_cli(own_server: LocalNeo4j, seeded: Graph,
                                                       tmp_path: Path) -> None:
    with TestClient(create_app(fast_settings(own_server))) as client:
        assert client.get("/health").status_code == 200
        pid = pid_of(own_server)
        os.kill(pid, signal.SIGKILL)  # not reaped: a zombie child of this process, as under `mgraph run`
        time.sleep(0.5)
        assert Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
        assert client.get("/health").status_code == 503
        started = time.monotonic()
        result = cli("neo4j", "start", env=local_env(own_server, tmp_path), timeout=90)
        assert result.returncode == 0, result.stderr[-2000:]
        assert time.monotonic() - started < 60
        assert client.get("/entities/panama").status_code in (200, 503)  # the API kept answering
        assert wait_for_health(client, 30)
        assert client.get("/entities/panama").status_code == 200
    assert not Path(f"/proc/{pid}").exists()  # and the zombie was reaped by its parent's check


def test_the_cli_talks_to_the_server_mgraph_run_recorded(neo4j_server: LocalNeo4j,
                                                         tmp_path: Path) -> None:
    state = tmp_path / "run.json"
    env = {**os.environ, "RUN_STATE_FILE": str(state), "LOCAL_NEO4J_PORT": str(free_port()),
           "NEO4J_CONNECT_TIMEOUT_SECONDS": "1"}
    env.pop("NEO4J_URI", None)
    state.write_text(json.dumps({"pid": os.getpid(), "bolt_uri": neo4j_server.bolt_uri}))
    assert cli("schema", "apply", env=env).returncode == 0
    gone = subprocess.Popen(["true"])
    gone.wait()
    state.write_text(json.dumps({"pid": gone.pid, "bolt_uri": neo4j_server.bolt_uri}))
    stale = cli("schema", "apply", env=env)  # that run is over: the local port it names is not
    assert stale.returncode == 1 and "Neo4j is unreachable" in stale.stderr
