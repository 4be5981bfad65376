"""HTTP routers: parse the request, call a read or write function, return its answer."""

from typing import Annotated, Any

from fastapi import Path

from app.model.responses import Problem
from app.schema.loader import FACT_ID_PATTERN

# What any route may answer: the rate limit and the database's deadline come first.
SERVICE: dict[int | str, dict[str, Any]] = {
    429: {"model": Problem, "description": "Over the rate limit (or too many failed keys); "
          "see Retry-After."},
    503: {"model": Problem, "description": "Neo4j unreachable or past its deadline; see Retry-After."},
}
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "A key was presented and it is malformed, unknown or "
          "revoked (or READS_REQUIRE_KEY is set and none was)."},
    404: {"model": Problem, "description": "Unknown id."},
    **SERVICE,
}
# Routes taking entity ids: a merged id answers with the same request for the survivor.
MOVED: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    308: {"description": "An id was merged into another entity: Location is this request with "
          "the surviving id."},
}
NEGOTIATED: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Unknown ?format=."},
    406: {"model": Problem, "description": "No offered media type fits Accept."},
}
EntityId = Annotated[
    str,
    Path(min_length=1, max_length=200, description="Stable entity id.",
         examples=["alejandro-mayorkas"]),
]
FactId = Annotated[str, Path(pattern=FACT_ID_PATTERN, max_length=400,
                             examples=["united-states--party-to--us-panama-deportation-agreement-2024"])]
