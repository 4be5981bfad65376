from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, Request, status
from fastapi.concurrency import run_in_threadpool

from app.api.auth import AdminDep, EditorDep, ReadAccess
from app.api.deps import AsyncGraphDep, GraphDep
from app.api.routers import ERRORS, FactId
from app.memory import release_memory_soon
from app.model.patches import EntityPatch, RelationshipPatch, SourcePatch
from app.model.records import EntityRecord, RelationshipRecord, SourceRecord
from app.model.responses import Problem, WriteReport
from app.reads.history import entity_history
from app.schema.loader import ID_PATTERN
from app.store.codec import plain
from app.writes.batch import CSV_COLUMNS, parse_batch
from app.writes.curation import (
    create_entity,
    create_relationship,
    create_source,
    import_bundle,
    update_entity,
    update_relationship,
    update_source,
)
from app.writes.loader import LoadReport
from app.writes.retraction import merge_entities, retract_entity, retract_relationship

router = APIRouter(tags=["curation"])
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": Problem, "description": "Missing, malformed, unknown or revoked key."},
    403: {"model": Problem, "description": "The key's role is too low."},
    409: {"model": Problem, "description": "The record exists, or would leave facts dangling, or "
          "a request with this Idempotency-Key is in progress."},
    413: {"model": Problem, "description": "The body is over MAX_BODY_BYTES."},
    422: {"description": "Invalid record: every problem listed with its record and field."},
}
EntityId = Annotated[str, Path(pattern=ID_PATTERN, max_length=200, examples=["panama"])]
Note = Annotated[str | None, Query(max_length=500, description="Why (kept in the history).",
                                   examples=["Duplicate of another entry"])]


def _report(report: LoadReport) -> WriteReport:
    return WriteReport(batch=report.batch, created=report.created, updated=report.updated,
                       unchanged=report.unchanged)


@router.post("/sources", status_code=status.HTTP_201_CREATED, response_model=WriteReport,
             responses=WRITE_ERRORS, summary="Add a source with its full text (editor)")
def post_source(source: SourceRecord, who: EditorDep, graph: GraphDep) -> WriteReport:
    return _report(create_source(graph, source, who.actor))


@router.patch("/sources/{source_id}", responses=WRITE_ERRORS,
              summary="Change a source's metadata; its text never changes (editor)")
def patch_source(source_id: EntityId, patch: SourcePatch, who: EditorDep,
                 graph: GraphDep) -> dict[str, Any]:
    after = update_source(graph, source_id, patch, who.actor)
    return {k: plain(v) for k, v in after.items() if k != "text"} | {"id": source_id}


@router.post("/entities", status_code=status.HTTP_201_CREATED, response_model=WriteReport,
             responses=WRITE_ERRORS, summary="Create an entity; it must cite a source (editor)")
def post_entity(entity: EntityRecord, who: EditorDep, graph: GraphDep) -> WriteReport:
    return _report(create_entity(graph, entity, who.actor))


@router.patch("/entities/{entity_id}", response_model=WriteReport, responses=WRITE_ERRORS,
              summary="Update an entity; new citations must cover what changes (editor)")
def patch_entity(entity_id: EntityId, patch: EntityPatch, who: EditorDep,
                 graph: GraphDep) -> WriteReport:
    return _report(update_entity(graph, entity_id, patch, who.actor))


@router.delete("/entities/{entity_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses=WRITE_ERRORS, summary="Retract an entity (kept in history) (editor)")
def delete_entity(entity_id: EntityId, who: EditorDep, graph: GraphDep, note: Note = None,
                  cascade: Annotated[bool, Query(description="Also retract its relationships.")]
                  = False) -> None:
    retract_entity(graph, entity_id, cascade, note, who.actor)


@router.post("/entities/{entity_id}/merge", response_model=WriteReport, responses=WRITE_ERRORS,
             summary="Merge this entity into another; its id then redirects (admin)")
def merge(entity_id: EntityId, who: AdminDep, graph: GraphDep,
          into: Annotated[str, Body(embed=True, pattern=ID_PATTERN, examples=["panama"])]) -> WriteReport:
    return _report(merge_entities(graph, entity_id, into, who.actor))


@router.post("/relationships", status_code=status.HTTP_201_CREATED, response_model=WriteReport,
             responses=WRITE_ERRORS, summary="Create a relationship; it must cite a source (editor)")
def post_relationship(rel: RelationshipRecord, who: EditorDep, graph: GraphDep) -> WriteReport:
    return _report(create_relationship(graph, rel, who.actor))


@router.patch("/relationships/{rel_id}", response_model=WriteReport, responses=WRITE_ERRORS,
              summary="Update a relationship's dates or properties with a new citation (editor)")
def patch_relationship(rel_id: FactId, patch: RelationshipPatch, who: EditorDep,
                       graph: GraphDep) -> WriteReport:
    return _report(update_relationship(graph, rel_id, patch, who.actor))


@router.delete("/relationships/{rel_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses=WRITE_ERRORS, summary="Retract a relationship (kept in history) (editor)")
def delete_relationship(rel_id: FactId, who: EditorDep, graph: GraphDep, note: Note = None) -> None:
    retract_relationship(graph, rel_id, note, who.actor)


@router.post(
    "/import", response_model=WriteReport, responses=WRITE_ERRORS,
    summary="Import a batch (JSON or CSV, seed format): all records valid, or nothing written",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "sources": {"type": "array", "items": {"type": "object"}},
            "entities": {"type": "array", "items": {"type": "object"}},
            "relationships": {"type": "array", "items": {"type": "object"}}}},
            "example": {"entities": [], "relationships": []}},
        "text/csv": {"schema": {"type": "string"},
                     "example": ",".join(CSV_COLUMNS) + "\n"}}}},
)
async def import_batch(request: Request, who: EditorDep, graph: GraphDep) -> WriteReport:
    try:
        body = await request.body()
        bundle = parse_batch(body, request.headers.get("content-type", "application/json"),
                             request.app.state.settings.max_batch_records)
        # A blocking write: in a worker thread, not on the event loop.
        return _report(await run_in_threadpool(import_bundle, graph, bundle, who.actor))
    finally:
        release_memory_soon()


@router.get("/entities/{entity_id}/history", responses=ERRORS, dependencies=[ReadAccess],
            summary="Every recorded change to the entity and its relationships")
async def history(entity_id: EntityId, graph: AsyncGraphDep) -> dict[str, Any]:
    changes = await graph.run(entity_history(entity_id))
    return {"id": entity_id, "changes": changes}
