"""The OpenAPI document as /docs shows it: every parameter with an example, so "Try it out"
starts filled in. A parameter's default is its example unless the code gives one (the code
gives one wherever there is no default: `tests/test_docs.py` checks both)."""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI


def _example(param: dict[str, Any]) -> None:
    schema = param.get("schema", {})
    has_one = "example" in param or param.get("examples") or "examples" in schema
    if not has_one and schema.get("default") is not None:
        param["example"] = schema["default"]


def with_default_examples(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """An `app.openapi` that fills examples from defaults, once."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            for operations in spec["paths"].values():
                for operation in operations.values():
                    for param in operation.get("parameters", []):
                        _example(param)
        return app.openapi_schema or {}

    return openapi
