"""Limits that hold: rate-limit buckets that credentials cannot multiply, key guessing that
costs, X-Forwarded-For only from trusted proxies, and clients that drip their requests."""

import secrets
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from app.api.serving import uvicorn_options
from app.main import create_app
from app.model.actors import Role
from app.settings import Settings
from app.store.db import Graph
from app.store.localserver import LocalNeo4j
from app.writes.keys import create_key
from tests.conftest import free_port, settings_for


@pytest.fixture(scope="module")
def settings(seeded_server: LocalNeo4j) -> Settings:
    """A private, seeded database: these tests create keys, which the shared one must not hold."""
    return settings_for(seeded_server)


@pytest.fixture(scope="module")
def graph(db: Graph) -> Graph:
    return db


def statuses(client: TestClient, count: int, headers: object) -> list[int]:
    make = headers if callable(headers) else (lambda: headers)
    return [client.get("/entities/panama", headers=make()).status_code for _ in range(count)]


def test_random_credentials_do_not_open_new_buckets(settings: Settings, graph: Graph) -> None:
    limited = settings.model_copy(update={"rate_limit": "5/minute"})
    with TestClient(create_app(limited)) as client:
        answers = statuses(client, 12, lambda: {"Authorization": f"Basic {secrets.token_hex(8)}"})
    assert answers[:5] == [200] * 5 and set(answers[5:]) == {429}


def test_guessing_keys_is_limited_per_address_without_database_reads(settings: Settings,
                                                                    graph: Graph) -> None:
    limited = settings.model_copy(update={"auth_failure_limit": "3/minute"})
    with TestClient(create_app(limited)) as client:
        answers = statuses(client, 8, lambda: {"Authorization": f"Bearer mgk_{secrets.token_hex(6)}_x"})
        guess = client.get("/entities/panama", headers={"X-API-Key": "mgk_0123456789ab_guess"})
    assert answers[:3] == [401] * 3 and set(answers[3:]) == {429}
    assert guess.status_code == 429 and guess.headers["retry-after"]


def test_a_verified_key_has_its_own_bucket(settings: Settings, graph: Graph) -> None:
    key = create_key(graph, "bucket tester", Role.reader)[0]
    limited = settings.model_copy(update={"rate_limit": "4/minute"})
    with TestClient(create_app(limited)) as client:
        assert statuses(client, 1, {"Authorization": f"Bearer {key}"}) == [200]  # now verified
        anonymous = statuses(client, 6, {})
        keyed = statuses(client, 4, {"Authorization": f"Bearer {key}"})
    assert anonymous[-1] == 429 and keyed == [200] * 4


@pytest.fixture
def served(settings: Settings, graph: Graph, request: pytest.FixtureRequest) -> Iterator[str]:
    """The app under uvicorn with the options `mgraph run` uses, in this process."""
    overrides = {"rate_limit": "2/minute", "request_read_timeout_seconds": 1.0,
                 **getattr(request, "param", {})}
    app_settings = settings.model_copy(update=overrides)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(app_settings), host="127.0.0.1", port=port,
                                           log_level="warning",
                                           **uvicorn_options(app_settings, in_process=True)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def forwarded(url: str) -> list[int]:
    return [httpx.get(url + "/health", headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
            for i in range(5)]


def test_x_forwarded_for_from_an_untrusted_peer_is_ignored(served: str) -> None:
    assert forwarded(served)[2:] == [429, 429, 429]


@pytest.mark.parametrize("served", [{"trusted_proxies": ["127.0.0.1"]}], indirect=True)
def test_x_forwarded_for_from_a_trusted_proxy_names_the_client(served: str) -> None:
    assert forwarded(served) == [200] * 5


def closed_within(url: str, request: bytes, drip: bytes, seconds: float) -> bool:
    """Send `request`, then `drip` a byte at a time; True if the server closes in time."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(request)
        deadline = time.monotonic() + seconds
        for byte in drip:
            if time.monotonic() > deadline:
                return False
            try:
                sock.sendall(bytes([byte]))
                sock.settimeout(0.25)
                if sock.recv(1024) == b"":
                    return True
            except TimeoutError:
                continue
            except OSError:
                return True
        return False


def test_a_client_that_drips_its_headers_is_cut_off(served: str) -> None:
    assert closed_within(served, b"GET /health HTTP/1.1\r\n", b"X-Slow: " + b"a" * 200, 4)
    assert httpx.get(served + "/health").status_code == 200


def test_a_client_that_drips_its_body_is_cut_off(served: str) -> None:
    head = (b"POST /entities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 500\r\n\r\n")
    assert closed_within(served, head, b"{" + b" " * 400, 4)
