"""The one table from errors to HTTP answers, in one shape: RFC 9457 problem details.

Each `GraphError` carries its status; FastAPI's request validation and the middlewares'
own refusals (413, 429, 500) answer through `problem` too, and the OpenAPI document
declares that shape, as `application/problem+json`, for every 4xx and 5xx."""

import json
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute

from app.errors import GraphError, Moved

MEDIA_TYPE = "application/problem+json"


class ProblemResponse(JSONResponse):
    media_type = MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        # ASCII escapes: a lone surrogate echoed from the input stays valid JSON text.
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode()


def problem(status: int, title: str, detail: str, headers: dict[str, str] | None = None,
            errors: list[dict[str, Any]] | None = None) -> Response:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    return ProblemResponse(body, status_code=status, headers=headers)


def error_answer(error: GraphError) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if error.status_code == 401 else {}
    if error.retry_after is not None:
        headers["Retry-After"] = str(error.retry_after)
    if error.status_code == 406:  # the answer depended on Accept, as a 200 would have
        headers["Vary"] = "Accept"
    return problem(error.status_code, error.title, error.message, headers)


def moved_url(request: Request, moved: dict[str, str]) -> str:
    """The request's URL with each merged id replaced: in the route's path parameters (not
    anywhere in the path) and in query values, as a relative URL (never the Host header)."""
    path = request.url.path
    route = request.scope.get("route")
    params = {name: moved.get(value, value) for name, value in request.path_params.items()}
    if isinstance(route, BaseRoute) and params != request.path_params:
        path = str(route.url_path_for(getattr(route, "name", ""), **params))
    query = [(key, moved.get(value, value)) for key, value in request.query_params.multi_items()]
    return path + (f"?{urlencode(query)}" if query else "")


async def graph_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, GraphError)
    if isinstance(exc, Moved):
        return RedirectResponse(moved_url(request, exc.moved), status_code=308)
    return error_answer(exc)


def _field(loc: Sequence[Any]) -> str:
    return ".".join(str(part) for part in loc) or "request"


async def invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "invalid"))}
              for e in exc.errors()]
    detail = "; ".join(f"{_field(e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
    return problem(422, "invalid input", detail, errors=errors)


def _declare(responses: dict[str, Any]) -> None:
    """Each error response in one schema, under the problem media type."""
    for status, response in responses.items():
        if status[:1] in "45":
            response["content"] = {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}


def documented(app: FastAPI) -> Callable[[], dict[str, Any]]:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    _declare(operation.get("responses", {}))
            components = schema.get("components", {}).get("schemas", {})
            for unused in ("HTTPValidationError", "ValidationError"):
                components.pop(unused, None)
            app.openapi_schema = schema
        return app.openapi_schema

    return openapi


def install(app: FastAPI) -> None:
    app.add_exception_handler(GraphError, graph_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.openapi = documented(app)  # type: ignore[method-assign]
