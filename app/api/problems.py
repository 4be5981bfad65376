"""The one table from domain errors to HTTP answers: each `GraphError` carries its status."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from app.errors import GraphError, Moved


async def graph_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, GraphError)
    if isinstance(exc, Moved):
        # The old id of a merged entity: the same URL with the surviving id.
        old, new = exc.detail["old"], exc.detail["new"]
        target = request.url.path.replace(f"/{old}", f"/{new}", 1)
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(target + query, status_code=308)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else None
    return JSONResponse(status_code=exc.status_code, headers=headers,
                        content={"error": exc.title, "detail": exc.message})


def install(app: FastAPI) -> None:
    app.add_exception_handler(GraphError, graph_error)
