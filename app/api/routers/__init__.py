"""HTTP routers: parse the request, call a read or write function, return its answer."""

from typing import Annotated, Any

from fastapi import Path

from app.model.responses import ErrorOut

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Unknown id."},
    503: {"model": ErrorOut, "description": "Neo4j unreachable or the query timed out."},
}
EntityId = Annotated[
    str,
    Path(min_length=1, max_length=200, description="Stable entity id.",
         examples=["alejandro-mayorkas"]),
]
