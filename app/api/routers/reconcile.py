"""The OpenRefine Reconciliation Service API 0.2 at /reconcile: HTTP only. A batch comes
as `queries` (or `extend`), a JSON text in the query string or a POSTed form field."""

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import TypeAdapter, ValidationError

from app.api.deps import AsyncGraphDep
from app.api.routers import ERRORS
from app.errors import BadRequest, PayloadTooLarge
from app.model.reconcile import (
    ExtendRequest,
    PreviewParams,
    PropertyParams,
    ProposeParams,
    ReconcileParams,
    ReconQuery,
    SuggestParams,
    TermParams,
)
from app.model.responses import Problem
from app.reads.entities import get_entity
from app.reads.reconcile import (
    BATCH_SIZE,
    extend,
    manifest,
    propose,
    reconcile,
    suggest_entities,
    suggest_properties,
    suggest_types,
)
from app.web.html import preview_card

router = APIRouter(prefix="/reconcile", tags=["reconciliation (OpenRefine)"])
BATCH_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    400: {"model": Problem, "description": "`queries` or `extend` is not a valid batch: why, "
          "naming the query and field."},
    413: {"model": Problem, "description": f"More than {BATCH_SIZE} queries or ids in one batch."},
}
QUERIES = TypeAdapter(dict[str, ReconQuery])


def _json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRequest(f"{name} is not JSON: {exc.msg} at column {exc.colno}", field=name) from None


def _checked(adapter: TypeAdapter[Any], data: Any, name: str) -> Any:
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        where = "; ".join(f"{name}.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                          for e in exc.errors()[:5])
        raise BadRequest(where, field=name) from None


def _batch(size: int, what: str) -> None:
    if size > BATCH_SIZE:
        raise PayloadTooLarge(f"{size} {what} in one batch; batchSize is {BATCH_SIZE}",
                              max_records=BATCH_SIZE)


async def _answer(request: Request, graph: AsyncGraphDep, params: ReconcileParams,
                  queries: str | None, extension: str | None) -> dict[str, Any]:
    t = params.t
    if queries is not None:
        batch = _checked(QUERIES, _json(queries, "queries"), "queries")
        _batch(len(batch), "queries")
        return await graph.run(reconcile(batch, t))
    if extension is not None:
        wanted = _checked(TypeAdapter(ExtendRequest), _json(extension, "extend"), "extend")
        _batch(len(wanted.ids), "ids")
        return await graph.run(extend(wanted, t, params.as_of))
    settings = request.app.state.settings
    return manifest(settings.base_uri.rstrip("/"), "Migration news knowledge graph")


@router.get("", responses=BATCH_ERRORS,
            summary="The service manifest; with ?queries= a reconciliation batch, with "
                    "?extend= a data extension")
async def reconcile_get(request: Request, graph: AsyncGraphDep,
                        params: Annotated[ReconcileParams, Query()]) -> dict[str, Any]:
    return await _answer(request, graph, params, params.queries, params.extend)


@router.post("", responses=BATCH_ERRORS,
             summary="A reconciliation batch (form field queries) or data extension (extend)",
             openapi_extra={"requestBody": {"content": {"application/x-www-form-urlencoded": {
                 "schema": {"type": "object", "properties": {
                     "queries": {"type": "string"}, "extend": {"type": "string"}}},
                 "example": {"queries": '{"q0": {"query": "Mulino"}}'}}}}})
async def reconcile_post(request: Request, graph: AsyncGraphDep,
                         params: Annotated[ReconcileParams, Query()]) -> dict[str, Any]:
    form = await request.form()
    fields = {name: form.get(name) for name in ("queries", "extend")}
    if any(value is not None and not isinstance(value, str) for value in fields.values()):
        raise BadRequest("queries and extend are text fields, not files", field="queries")
    if fields["queries"] is None and fields["extend"] is None:
        raise BadRequest("send a form field queries or extend", field="queries")
    return await _answer(request, graph, params, fields["queries"], fields["extend"])  # type: ignore[arg-type]


@router.get("/suggest/entity", responses=ERRORS, summary="Entities whose names start so")
async def suggest_entity(params: Annotated[SuggestParams, Query()],
                         graph: AsyncGraphDep) -> dict[str, Any]:
    types = (str(params.type),) if params.type else ()
    return await graph.run(suggest_entities(params.prefix, params.cursor, params.t, types))


@router.get("/suggest/type", responses=ERRORS, summary="Entity types matching a prefix")
async def suggest_type(params: Annotated[TermParams, Query()]) -> dict[str, Any]:
    return suggest_types(params.prefix, params.cursor)


@router.get("/suggest/property", responses=ERRORS, summary="Properties matching a prefix")
async def suggest_property(params: Annotated[PropertyParams, Query()]) -> dict[str, Any]:
    return suggest_properties(params.prefix, params.cursor, params.type and str(params.type))


@router.get("/extend/propose", responses=ERRORS, summary="Properties to extend a type's column by")
async def propose_properties(params: Annotated[ProposeParams, Query()]) -> dict[str, Any]:
    return propose(str(params.type), params.limit)


@router.get("/preview", response_class=HTMLResponse, responses=ERRORS,
            summary="A small HTML card for one entity")
async def preview(params: Annotated[PreviewParams, Query()], graph: AsyncGraphDep) -> HTMLResponse:
    entity = await graph.run(get_entity(params.id, params.t))
    return HTMLResponse(preview_card(entity))
