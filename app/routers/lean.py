"""The most-read routes (one entity, its timeline) without FastAPI's per-request solver.

FastAPI solves every dependency node, security scheme and query model of a route on each
request, then validates and serializes what the endpoint returns. For these two reads
that was 0.2-0.25 ms per request, about half of the app's own CPU, against raw queries of
1-4 ms (bench/README.md). A `LeanRoute` calls its endpoint with the bare `Request` and
sends the `Response` it returns. The endpoint does the same steps by calling the same
code: the app's rate limit, the read-access check with the same security schemes, then
the same pydantic models, whose failures become the same 422 that FastAPI gives; the
answer is a response model, built by validation, dumped as FastAPI would. Their OpenAPI
is what FastAPI generates for the same signature.
"""

from collections.abc import Callable, Coroutine
from functools import cache
from typing import Annotated, Any, TypeVar, get_origin

from fastapi import FastAPI, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, TypeAdapter, ValidationError

from app.auth import ReadAccess, authorize_read
from app.db import AsyncGraph
from app.deps import get_async_graph
from app.middleware import rate_limited
from app.requests import Params

P = TypeVar("P", bound=Params)

EntityId = Annotated[
    str,
    Path(min_length=1, max_length=200, description="Stable entity id.",
         examples=["alejandro-mayorkas"]),
]
_entity_id: TypeAdapter[str] = TypeAdapter(EntityId)


class LeanRoute(APIRoute):
    """A route whose endpoint takes the `Request` and returns the `Response`: FastAPI
    documents it from its declaration (response model, `openapi_extra`) but solves no
    dependency and serializes nothing per request. Router and app dependencies do not
    run either: the endpoint calls them itself (`entity_read`)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        endpoint: Callable[[Request], Coroutine[Any, Any, Response]] = self.endpoint
        return endpoint


def model_response(model: BaseModel) -> Response:
    """What FastAPI sends for a route returning `model` with it as the response model."""
    return Response(model.model_dump_json(), media_type="application/json")


def located(exc: ValidationError, *where: str) -> RequestValidationError:
    """pydantic's errors as FastAPI reports them: loc starts with "path" or "query"."""
    return RequestValidationError([{**error, "loc": (*where, *error["loc"])}
                                   for error in exc.errors(include_url=False)])


def entity_id_of(request: Request) -> str:
    try:
        return _entity_id.validate_python(request.path_params["entity_id"])
    except ValidationError as exc:
        raise located(exc, "path", "entity_id") from None


def query_of(request: Request, model: type[P]) -> P:
    """The query string as `model`. A list field takes every value of its name (?type=A&type=B),
    any other field the last one, as FastAPI reads them; unknown names reach the model, which
    refuses them (extra="forbid")."""
    query = request.query_params
    values: dict[str, Any] = dict(query)
    for key in _list_fields(model):
        if key in values:
            values[key] = query.getlist(key)
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise located(exc, "query") from None


@cache
def _list_fields(model: type[Params]) -> tuple[str, ...]:
    return tuple(field.alias or name for name, field in model.model_fields.items()
                 if get_origin(field.annotation) is list)


async def entity_read(request: Request, model: type[P]) -> tuple[str, P, AsyncGraph]:
    """What the dependencies of a read of one entity would give, in their order: the app's
    rate limit, the access check (a bad key is a 401 even when the query is bad too), then
    the parameters."""
    await rate_limited(request)
    await authorize_read(request)
    return entity_id_of(request), query_of(request, model), await get_async_graph(request)


@cache
def documented(model: type[Params]) -> dict[str, Any]:
    """`openapi_extra` for a route served by `entity_read`: the parameters, security and 422
    answer that FastAPI generates for a route declaring the entity id, `model` and
    `ReadAccess` (their schemas are in the app's components through its other routes)."""
    stub = FastAPI()

    async def endpoint(entity_id: EntityId, params: Annotated[model, Query()]) -> None:  # type: ignore[valid-type]
        return None

    stub.get("/{entity_id}", dependencies=[ReadAccess])(endpoint)
    operation = stub.openapi()["paths"]["/{entity_id}"]["get"]
    return {"parameters": operation["parameters"], "security": operation["security"],
            "responses": {"422": operation["responses"]["422"]}}
