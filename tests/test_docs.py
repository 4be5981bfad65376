"""A /docs that runs (issue 24, item 6): every parameter of every operation has an example
drawn from the seed story, and each GET, filled with its examples alone, succeeds."""

import re
from typing import Any

from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from app.model.actors import Role
from app.store.db import Graph
from app.writes.keys import create_key

HEADERS = {"accept", "accept-datetime", "idempotency-key", "x-api-key", "authorization"}  # not for Try it out


def spec(client: TestClient) -> dict[str, Any]:
    return dict(client.get("/openapi.json").json())


def example(param: dict[str, Any]) -> Any:
    schema = param.get("schema", {})
    if "example" in param:
        return param["example"]
    if param.get("examples"):
        first = next(iter(param["examples"].values()))
        return first.get("value") if isinstance(first, dict) else first
    return (schema.get("examples") or [None])[0] if "examples" in schema else schema.get("example")


def test_every_parameter_has_an_example(client: TestClient) -> None:
    missing = [(method, path, p["name"]) for path, ops in spec(client)["paths"].items()
               for method, op in ops.items() for p in op.get("parameters", [])
               if p["name"].lower() not in HEADERS and example(p) is None]
    assert missing == [], missing


def filled(path: str, values: dict[str, Any]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), path)


def test_every_get_succeeds_with_its_examples_alone(api: TestClient, db: Graph) -> None:
    """As "Try it out" then "Execute" would, authorized first where the route needs a key,
    and after POST /ingest's own example (GET /ingest/{id}'s example is its id). On the
    module's own database: it writes a key and an ingest."""
    client = api
    key = {"Authorization": f"Bearer {create_key(db, 'docs admin', Role.admin)[0]}"}
    document = spec(client)
    assert client.post("/ingest", json=_body_example(document), headers=key).status_code in (200, 201)
    # A snapshot's id is its content's hash, which no example can know in advance: the
    # path takes the one its body example creates, as a reader of /docs would.
    snapshot = client.post("/snapshots", json=_body_example(document, "SnapshotIn"), headers=key).json()["id"]
    failing = []
    for path, ops in document["paths"].items():
        op = ops.get("get")
        if op is None:
            continue
        params = [p for p in op.get("parameters", []) if p["name"].lower() not in HEADERS]
        query = {p["name"]: example(p) for p in params if p["in"] == "query"}
        values = {p["name"]: example(p) for p in params} | {"snapshot_id": snapshot}
        answer = client.get(filled(path, values), params=query,
                            headers=key if op.get("security") else {})
        if answer.status_code != 200:
            failing.append((path, answer.status_code, answer.text[:120]))
    assert failing == [], failing


def _body_example(document: dict[str, Any], schema: str = "IngestIn") -> dict[str, Any]:
    """A body from its schema's required fields' examples (IngestIn: the text)."""
    model = document["components"]["schemas"][schema]
    return {name: model["properties"][name]["examples"][0] for name in model.get("required", [])}


def test_every_response_has_an_example_that_fits_its_schema(client: TestClient) -> None:
    """Recorded from the seed story (scripts/record_examples.py); a JSON example must
    validate against the schema of the response it illustrates, so a changed shape fails
    here until the examples are recorded again."""
    document = spec(client)
    missing, wrong = [], []
    for path, ops in document["paths"].items():
        for method, op in ops.items():
            for status, response in op.get("responses", {}).items():
                for media, content in (response.get("content") or {}).items():
                    where = f"{method} {path} {status} {media}"
                    if "example" not in content:
                        missing.append(where)
                    elif "json" in media and content.get("schema"):
                        root = {**content["schema"], "components": document["components"]}
                        errors = list(Draft202012Validator(root).iter_errors(content["example"]))
                        wrong += [(where, e.message[:100]) for e in errors[:1]]
    assert missing == [] and wrong == [], (missing, wrong)


def test_response_examples_come_from_the_seed_story(client: TestClient) -> None:
    content = spec(client)["paths"]["/entities/{entity_id}"]["get"]["responses"]["200"]["content"]
    entity = content["application/json"]["example"]
    assert entity["id"] == "alejandro-mayorkas" and entity["citations"][0]["source"].startswith("seed-000")
    turtle = spec(client)["paths"]["/id/{ident}"]["get"]["responses"]["200"]["content"]["text/turtle"]
    assert "@prefix" in turtle["example"]
