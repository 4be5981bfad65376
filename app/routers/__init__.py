"""HTTP routers: parse the request, call a query function, return a model."""

from typing import Any

from app.models import ErrorOut

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Unknown id."},
    503: {"model": ErrorOut, "description": "Neo4j unreachable or the query timed out."},
}
