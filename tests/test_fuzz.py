"""Schemathesis fuzzes every operation in our OpenAPI with generated input: no 5xx.

Runs against a private seeded Neo4j, with an editor key so writes get past
authentication and reach validation. FUZZ_EXAMPLES sets the cases per operation
(default 100: a few thousand cases in all). Hypothesis drives each operation's
strategy directly (schemathesis' pytest plugin does not load under pytest 9).
"""

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from app.main import create_app
from app.model.actors import Role
from app.store.db import open_graph
from app.store.localserver import LocalNeo4j
from app.writes.keys import create_key
from tests.conftest import settings_for

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))


@pytest.fixture(scope="module")
def fuzz_app(seeded_server: LocalNeo4j) -> Iterator[FastAPI]:
    app = create_app(settings_for(seeded_server))
    with TestClient(app):  # runs the lifespan: the driver is open while we fuzz
        yield app


@pytest.fixture(scope="module")
def editor_key(seeded_server: LocalNeo4j) -> str:
    graph = open_graph(settings_for(seeded_server))
    key = create_key(graph, "fuzzer", Role.editor)[0]
    graph.close()
    return key


def test_no_server_errors_on_generated_requests(fuzz_app: FastAPI, editor_key: str) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    headers = {"Authorization": f"Bearer {editor_key}"}
    failures: list[str] = []
    counted: dict[str, int] = {}
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            label = case.operation.label
            counted[label] = counted.get(label, 0) + 1
            response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(f"{label} -> {response.status_code}: "
                                f"{case.as_curl_command()}\n{response.text[:300]}")

        run()
    total = sum(counted.values())
    print(f"fuzzed {len(counted)} operations with {total} generated requests")
    assert len(counted) >= 25, sorted(counted)
    assert total >= len(counted) * min(EXAMPLES, 10)
    assert not failures, "\n\n".join(failures[:10])
