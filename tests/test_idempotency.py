"""Idempotency-Key: a retried write gets its first answer and writes nothing twice."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.model.actors import Role
from app.store.db import Graph
from app.writes.keys import create_key
from tests.conftest import snapshot

SOURCE = "seed-000-eb3fd6c821e75620"


@pytest.fixture(scope="module")
def editors(db: Graph) -> list[dict[str, str]]:
    return [{"Authorization": "Bearer " + create_key(db, f"editor {i}", Role.editor)[0]}
            for i in range(2)]


def person(ident: str, name: str) -> dict[str, Any]:
    return {"id": ident, "type": "Person", "name": name, "citations": [
        {"source": SOURCE, "quote": "Mayorkas", "confidence": 0.8, "mode": "asserted"}]}


def test_the_same_key_and_body_get_the_first_answer_and_write_once(
        api: TestClient, db: Graph, editors: list[dict[str, str]]) -> None:
    headers = {**editors[0], "Idempotency-Key": "create-once-1"}
    first = api.post("/entities", json=person("idem-person", "Idem Person"), headers=headers)
    assert first.status_code == 201, first.text
    before = snapshot(db)
    again = api.post("/entities", json=person("idem-person", "Idem Person"), headers=headers)
    assert (again.status_code, again.json()) == (201, first.json())
    assert again.headers["idempotent-replayed"] == "true"
    assert snapshot(db) == before
    creates = [c for c in api.get("/entities/idem-person/history").json()["changes"]
               if c["action"] == "create"]
    assert len(creates) == 1
    other = api.post("/entities", json=person("idem-person", "Another Name"), headers=headers)
    assert other.status_code == 422 and "another body" in other.json()["detail"]
    plain = api.post("/entities", json=person("idem-person", "Idem Person"), headers=editors[0])
    assert plain.status_code == 409  # without the key it is a second create


def test_keys_belong_to_their_caller(api: TestClient, editors: list[dict[str, str]]) -> None:
    answers = [api.post("/entities", json=person(f"idem-caller-{i}", f"Caller {i}"),
                        headers={**editor, "Idempotency-Key": "shared-key"}).status_code
               for i, editor in enumerate(editors)]
    assert answers == [201, 201]


def test_an_answer_not_worth_keeping_frees_the_key(api: TestClient, editors: list[dict[str, str]]) -> None:
    body = person("idem-retry", "Idem Retry")
    refused = api.post("/entities", json=body, headers={"Idempotency-Key": "retry-me",
                                                       "Authorization": "Bearer mgk_0123_wrong"})
    assert refused.status_code == 401
    # another caller (the credential is part of the key's scope), and a fresh run
    done = api.post("/entities", json=body, headers={**editors[0], "Idempotency-Key": "retry-me"})
    assert done.status_code == 201 and "idempotent-replayed" not in done.headers


def test_a_malformed_key_is_refused(api: TestClient, editors: list[dict[str, str]]) -> None:
    answer = api.post("/entities", json=person("idem-bad-key", "Bad Key"),
                      headers={**editors[0], "Idempotency-Key": "x" * 300})
    assert answer.status_code == 422 and "Idempotency-Key" in answer.json()["detail"]
