"""Writes by editors and admins: create, update and import.

Every write is validated like the seeds (schema, endpoint types, quotes found in
their source) before anything is stored, runs in one transaction, and leaves a
history entry naming the key that made it. Retraction and merge: `app.writes.retraction`.
"""

from typing import Any, TypeVar

from neo4j import ManagedTransaction
from pydantic import BaseModel, ValidationError

from app.errors import Conflict, InvalidInput, NotFound, SeedError
from app.model.actors import Actor
from app.model.patches import EntityPatch, RelationshipPatch, SourcePatch
from app.model.records import Bundle, Citation, EntityRecord, RelationshipRecord, SourceRecord
from app.schema.loader import get_schema
from app.store.codec import entity_record_data, relationship_record_data
from app.store.cypher import load
from app.store.db import Graph
from app.writes.history import ChangeSet
from app.writes.loader import LoadReport, known_records, write_bundle
from app.writes.validate import check_bundle, describe, record_time_problems

T = TypeVar("T", bound=BaseModel)


def record(model: type[T], data: dict[str, Any], where: str) -> T:
    """Build a record from merged data; a bad merge is a 422 naming the field, not a 500."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise SeedError([f"{where}: {message}" for message in describe(exc)]) from None


def validate(graph: Graph, bundle: Bundle) -> None:
    known_sources, known_entities = known_records(graph, bundle)
    origin = {f"entity:{e.id}": f"entity {e.id}" for e in bundle.entities}
    origin |= {f"rel:{r.fact_id}": f"relationship {r.fact_id}" for r in bundle.relationships}
    origin |= {f"source:{s.id}": f"source {s.id}" for s, _ in bundle.sources}
    problems = record_time_problems(bundle, origin)
    problems += check_bundle(bundle, origin, known_sources, known_entities)
    if problems:
        raise SeedError(problems)


def _exists(graph: Graph, kind: str, ident: str, from_id: str | None = None) -> bool:
    rows = graph.read(load("current_records"), entity_ids=[ident] if kind == "entity" else [],
                      source_ids=[ident] if kind == "source" else [],
                      rels=[{"id": ident, "from": from_id}] if kind == "relationship" else [])
    return bool(rows)


def import_bundle(graph: Graph, bundle: Bundle, actor: Actor) -> LoadReport:
    """Validate the whole batch, then write it in one transaction (or nothing)."""
    if not (bundle.sources or bundle.entities or bundle.relationships):
        raise InvalidInput("the batch holds no records")
    validate(graph, bundle)
    return write_bundle(graph, bundle, actor=actor)


def create_source(graph: Graph, source: SourceRecord, actor: Actor) -> LoadReport:
    if _exists(graph, "source", source.id):
        raise Conflict(f"source {source.id!r} exists; sources are immutable once cited")
    if _exists(graph, "entity", source.id):
        raise Conflict(f"{source.id!r} is an entity id; sources and entities share one URI space")
    if source.text_file:
        raise InvalidInput("field text_file: a file beside a seed is for seed folders; send the "
                           "text inline in `text`", field="text_file")
    return import_bundle(graph, Bundle(sources=[(source, source.text or "")]), actor)


def create_entity(graph: Graph, entity: EntityRecord, actor: Actor) -> LoadReport:
    if _exists(graph, "entity", entity.id):
        raise Conflict(f"entity {entity.id!r} exists; use PATCH /entities/{entity.id} to change it")
    return import_bundle(graph, Bundle(entities=[entity]), actor)


def create_relationship(graph: Graph, rel: RelationshipRecord, actor: Actor) -> LoadReport:
    if _exists(graph, "relationship", rel.fact_id, rel.from_id):
        raise Conflict(f"relationship {rel.fact_id!r} exists; use PATCH to change it")
    return import_bundle(graph, Bundle(relationships=[rel]), actor)


def stored_entity(graph: Graph, entity_id: str) -> EntityRecord:
    rows = graph.read(load("entity_props"), id=entity_id)
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}", id=entity_id)
    props = rows[0]["props"]
    known = get_schema().nodes[props["type"]].properties
    return record(EntityRecord, entity_record_data(props, known), f"entity {entity_id}")


def stored_relationship(rel_type: str, from_id: str, to_id: str, props: dict[str, Any],
                        ) -> dict[str, Any]:
    """A stored relationship as record input, without its id."""
    known = get_schema().relationships[rel_type].properties
    return relationship_record_data(rel_type, from_id, to_id, props, known)


def _uncited(changed: set[str], citations: list[Citation], reference: set[str]) -> list[str]:
    cited = {f for c in citations for f in c.fields}
    return sorted(changed - cited - reference)


def _with_stages(current: list[dict[str, Any]], added: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The lifecycle with `added` in: a stage of the same name and date is replaced."""
    key = {(s["stage"], s["date"]) for s in added}
    return [s for s in current if (s["stage"], s["date"]) not in key] + added


def update_entity(graph: Graph, entity_id: str, patch: EntityPatch, actor: Actor) -> LoadReport:
    current = stored_entity(graph, entity_id)
    data = current.model_dump()
    changes = patch.model_dump(exclude_unset=True, exclude={"citations", "properties", "lifecycle"})
    data.update(changes)
    changed = {k for k, v in changes.items() if v != current.model_dump().get(k)}
    if patch.properties:
        changed |= {k for k, v in patch.properties.items() if current.properties.get(k) != v}
        data["properties"] = {**current.properties, **patch.properties}
    node = get_schema().nodes[str(current.type)]
    reference = {k for k, spec in node.properties.items() if spec.reference} | {"wikidata_qid"}
    missing = _uncited(changed, patch.citations, reference)
    if missing:
        raise InvalidInput(
            "every changed attribute needs a citation listing it in `fields`; uncited: "
            + ", ".join(missing), fields=missing)
    data["citations"] = [*current.citations, *patch.citations]
    if patch.lifecycle:  # each stage cites its own words, so it needs no `fields`
        data["lifecycle"] = _with_stages(data["lifecycle"], patch.model_dump()["lifecycle"])
    return import_bundle(graph, Bundle(entities=[record(EntityRecord, data, f"entity {entity_id}")]),
                         actor)


def update_relationship(graph: Graph, rel_id: str, patch: RelationshipPatch,
                        actor: Actor) -> LoadReport:
    rows = graph.read(load("relationship_get"), id=rel_id)
    if not rows:
        raise NotFound(f"no relationship with id {rel_id!r}", id=rel_id)
    row = rows[0]
    data = {"id": rel_id, **stored_relationship(row["type"], row["from"], row["to"], row["props"])}
    data["citations"] = [*data["citations"], *(c.model_dump() for c in patch.citations)]
    update = patch.model_dump(exclude_unset=True, exclude={"citations", "properties"})
    data.update(update)
    if patch.properties:
        data["properties"] = {**data["properties"], **patch.properties}
    merged = record(RelationshipRecord, data, f"relationship {rel_id}")
    return import_bundle(graph, Bundle(relationships=[merged]), actor)


def update_source(graph: Graph, source_id: str, patch: SourcePatch, actor: Actor) -> dict[str, Any]:
    changes = patch.model_dump(exclude_unset=True)
    if not changes:
        raise InvalidInput("nothing to change")
    log = ChangeSet(actor)

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        row = tx.run(load("source_update"), id=source_id, changes=changes).single()
        if row is None:
            raise NotFound(f"no source with id {source_id!r}", id=source_id)
        log.add("update", "source", source_id, row["before"], row["after"])
        log.write(tx)
        return dict(row["after"])

    return graph.write_transaction(work)
