"""Schemathesis fuzzes every operation in our OpenAPI with generated input, and checks
each answer against the document: no 5xx, only documented statuses, documented content
types, and bodies that fit the documented schema.

Runs against a private seeded Neo4j twice: with an editor key (so writes get past
authentication and reach validation) and anonymously. FUZZ_EXAMPLES sets the cases per
operation and key (default 55: over 3,000 cases in all); `make fuzz` runs 350 (over
20,000). Hypothesis stops early only where an operation has few distinct inputs. It
drives each operation's strategy directly, through schemathesis' Python API (its pytest
plugin does not load under pytest 9).
"""

import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup

from app.main import create_app
from app.model.actors import Role
from app.store.db import open_graph
from app.store.localserver import LocalNeo4j
from app.writes.keys import create_key
from tests.conftest import settings_for

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "55"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]


@pytest.fixture(scope="module")
def fuzz_app(seeded_server: LocalNeo4j) -> Iterator[FastAPI]:
    # The limiter would answer most anonymous cases with a 429 and hide the rest.
    app = create_app(settings_for(seeded_server).model_copy(update={"rate_limit": "1000000/minute"}))
    with TestClient(app):  # runs the lifespan: the driver is open while we fuzz
        yield app


@pytest.fixture(scope="module")
def editor_key(seeded_server: LocalNeo4j) -> str:
    graph = open_graph(settings_for(seeded_server))
    key = create_key(graph, "fuzzer", Role.editor)[0]
    graph.close()
    return key


def fuzz(app: FastAPI, headers: dict[str, str]) -> tuple[Counter[str], list[str]]:
    """Every operation, EXAMPLES cases each; the count per operation and every failure."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    counted, failures = Counter[str](), list[str]()
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            counted[case.operation.label] += 1
            response = case.call(headers=headers)
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except (FailureGroup, AssertionError) as exc:
                failures.append(f"{case.operation.label} -> {response.status_code}: {exc}\n"
                                f"{case.as_curl_command()}\n{response.text[:300]}")

        run()
    return counted, failures


@pytest.mark.parametrize("who", ["editor", "anonymous"])
def test_every_answer_fits_the_documented_contract(fuzz_app: FastAPI, editor_key: str,
                                                   who: str) -> None:
    headers = {"Authorization": f"Bearer {editor_key}"} if who == "editor" else {}
    counted, failures = fuzz(fuzz_app, headers)
    total = sum(counted.values())
    print(f"{who}: fuzzed {len(counted)} operations with {total} generated requests, "
          f"{len(failures)} failures")
    if os.environ.get("FUZZ_REPORT"):  # every failure, for reading at leisure
        with open(os.environ["FUZZ_REPORT"], "a", encoding="utf-8") as report:
            report.write("".join(f"[{who}] {failure}\n\n" for failure in failures))
    assert len(counted) >= 25, sorted(counted)
    # Both runs together reach the promised count: over 3,000, or over 20,000 in `make fuzz`.
    assert total >= 0.9 * len(counted) * EXAMPLES, total
    assert not failures, f"{len(failures)} failures; the first:\n\n" + "\n\n".join(failures[:8])
