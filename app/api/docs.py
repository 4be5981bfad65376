"""The OpenAPI document as /docs shows it: every parameter and every response with an
example, so "Try it out" starts filled in and each answer shows what it looks like.

A parameter's default is its example unless the code gives one (the code gives one
wherever there is no default: `tests/test_docs.py` checks both). Response examples are
answers recorded from the seed story (`scripts/record_examples.py` writes
`examples/responses.json`); an operation with none of its own borrows one of the same
schema, and every error status shows one problem document."""

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI

RECORDED = Path(__file__).resolve().parent / "examples" / "responses.json"
# Answers the same as another route's: the form POST of a reconciliation batch, the
# second POST of the same article (200, not 201).
SAME_AS = {"post /reconcile 200": "get /reconcile 200", "post /ingest 200": "post /ingest 201"}
PROBLEMS = {
    "400": ("bad request", "format 'yaml' is not supported; use one of turtle, jsonld, nt, xml, "
            "trig, nquads"),
    "401": ("unauthorized", "this route needs an API key: send Authorization: Bearer mgk_..."),
    "403": ("forbidden", "this route needs the admin role; the key 'desk editor' is an editor"),
    "404": ("not found", "no entity with id 'atlantis'"),
    "406": ("not acceptable", "cannot answer in image/png; this resource is available as text/turtle, "
            "application/ld+json, application/n-triples, application/rdf+xml, text/html, application/json"),
    "409": ("conflict", "entity 'panama' still has 21 relationships; retract with cascade=true"),
    "413": ("payload too large", "the body is larger than the 10 MB limit"),
    "422": ("invalid input", "query.limit: Input should be less than or equal to 200"),
    "429": ("too many requests", "rate limit exceeded: 120 per 1 minute"),
    "503": ("database unavailable", "Neo4j did not answer within 5 seconds; try again shortly"),
}


@cache
def recorded() -> dict[str, Any]:
    """The recorded answers (none before scripts/record_examples.py first runs)."""
    if not RECORDED.exists():
        return {}
    return dict(json.loads(RECORDED.read_text(encoding="utf-8")))


def problem(status: str) -> dict[str, Any]:
    title, detail = PROBLEMS[status]
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": int(status), "detail": detail}
    if status == "422":
        body["errors"] = [{"loc": ["query", "limit"], "msg": "Input should be less than or equal to 200"}]
    return body


def _by_schema(spec: dict[str, Any]) -> dict[str, Any]:
    """A recorded example for each response schema ($ref), for operations without their own."""
    found: dict[str, Any] = {}
    for name, content in _contents(spec):
        ref = content.get("schema", {}).get("$ref")
        if ref and name in recorded():
            found.setdefault(ref, recorded()[name])
    return found


def _contents(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every response body the document declares, named "<method> <path> <status> <media type>"."""
    return [(f"{method} {path} {status} {media}", content)
            for path, operations in spec["paths"].items() for method, operation in operations.items()
            for status, response in operation.get("responses", {}).items()
            for media, content in (response.get("content") or {}).items()]


def _response_examples(spec: dict[str, Any]) -> None:
    by_schema = _by_schema(spec)
    for name, content in _contents(spec):
        head, media = name.rsplit(" ", 1)
        status = head.rsplit(" ", 1)[1]
        alias = SAME_AS.get(head)
        example = recorded().get(name, recorded().get(f"{alias} {media}") if alias else None)
        if example is None and status in PROBLEMS:
            example = problem(status)
        if example is None:
            example = by_schema.get(content.get("schema", {}).get("$ref", ""))
        if example is not None:
            content["example"] = example


def _example(param: dict[str, Any]) -> None:
    schema = param.get("schema", {})
    has_one = "example" in param or param.get("examples") or "examples" in schema
    if not has_one and schema.get("default") is not None:
        param["example"] = schema["default"]


def with_default_examples(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """An `app.openapi` that fills parameter and response examples, once."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            for operations in spec["paths"].values():
                for operation in operations.values():
                    for param in operation.get("parameters", []):
                        _example(param)
            _response_examples(spec)
        return app.openapi_schema or {}

    return openapi
