"""A query parameter a route does not take is a 422 naming it, never silently ignored: a
journalist asking `/export?as_recorded=…` must not get today's graph as if it were then.

What a route takes is what the OpenAPI document declares for it (the published contract,
which the contract fuzz checks too); routes left out of the document (pages, static files)
are not checked.
"""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError


def _declared(app: FastAPI) -> dict[tuple[str, str], frozenset[str]]:
    """(METHOD, path template) -> the query parameters the OpenAPI document declares."""
    table: dict[tuple[str, str], frozenset[str]] = {}
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            names = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
            table[(method.upper(), path)] = frozenset(names)
    return table


def declared_query(request: Request) -> frozenset[str] | None:
    app: FastAPI = request.app
    table = getattr(app.state, "declared_query", None)
    if table is None:
        table = app.state.declared_query = _declared(app)
    route: Any = request.scope.get("route")
    method = "GET" if request.method == "HEAD" else request.method
    return table.get((method, getattr(route, "path", "")))


async def known_query_only(request: Request) -> None:
    allowed = declared_query(request)
    if allowed is None:
        return
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise RequestValidationError([
            {"type": "extra_forbidden", "loc": ("query", name), "input": request.query_params[name],
             "msg": "this route does not take this parameter; it takes: "
                    + (", ".join(sorted(allowed)) or "none")} for name in unknown])
