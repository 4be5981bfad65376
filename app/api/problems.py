"""The one table from domain errors to HTTP answers: each `GraphError` carries its status."""

from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute

from app.errors import GraphError, Moved


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
    headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else {}
    if exc.retry_after is not None:
        headers["Retry-After"] = str(exc.retry_after)
    return JSONResponse(status_code=exc.status_code, headers=headers,
                        content={"error": exc.title, "detail": exc.message})


def install(app: FastAPI) -> None:
    app.add_exception_handler(GraphError, graph_error)
