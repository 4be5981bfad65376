"""Writes by editors and admins: create, update, retract, merge, import.

Every write is validated like the seeds (schema, endpoint types, quotes found in
their source) before anything is stored, runs in one transaction, and leaves a
history entry naming the key that made it.
"""

from datetime import date
from typing import Any, TypeVar

from neo4j import ManagedTransaction
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.cypher import load
from app.db import Graph
from app.entities import get_entity_rows
from app.errors import Conflict, InvalidInput, NotFound, SeedError
from app.history import Actor, ChangeSet
from app.loader import LoadReport, bundle_rows, known_records, write_bundle, write_rows_tx
from app.records import (
    Bundle,
    Citation,
    EntityRecord,
    RelationshipRecord,
    SourceRecord,
    check_bundle,
    describe,
)
from app.schema import get_schema
from app.storage import decode_citations, decode_names, plain

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
    problems = check_bundle(bundle, origin, known_sources, known_entities)
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
    return import_bundle(graph, Bundle(sources=[(source, source.text or "")]), actor)


def create_entity(graph: Graph, entity: EntityRecord, actor: Actor) -> LoadReport:
    if _exists(graph, "entity", entity.id):
        raise Conflict(f"entity {entity.id!r} exists; use PATCH /entities/{entity.id} to change it")
    return import_bundle(graph, Bundle(entities=[entity]), actor)


def create_relationship(graph: Graph, rel: RelationshipRecord, actor: Actor) -> LoadReport:
    if _exists(graph, "relationship", rel.fact_id, rel.from_id):
        raise Conflict(f"relationship {rel.fact_id!r} exists; use PATCH to change it")
    return import_bundle(graph, Bundle(relationships=[rel]), actor)


# --- updates -------------------------------------------------------------------

class EntityPatch(BaseModel):
    """Fields to change. New citations are required and must cover every changed attribute."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1)
    aliases: list[str] | None = None
    names: dict[str, str] | None = None
    description: str | None = None
    wikidata_qid: str | None = Field(None, pattern=r"^Q[1-9][0-9]*$")
    properties: dict[str, Any] | None = Field(None, description="Merged into the current ones.")
    citations: list[Citation] = Field(min_length=1, description="At least one new citation.")


class RelationshipPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    valid_from: date | None = Field(None, description="YYYY-MM-DD")
    valid_to: date | None = Field(None, description="YYYY-MM-DD")
    date_text: str | None = None
    properties: dict[str, Any] | None = None
    citations: list[Citation] = Field(min_length=1, description="At least one new citation.")


class SourcePatch(BaseModel):
    """Metadata only: the text is what quotes are checked against, so it never changes."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None


def stored_entity(graph: Graph, entity_id: str) -> EntityRecord:
    rows = graph.read(load("entity_props"), id=entity_id)
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}", id=entity_id)
    props = rows[0]["props"]
    node = get_schema().nodes[props["type"]]
    return record(EntityRecord, {
        "id": props["id"], "type": props["type"], "name": props["name"],
        "aliases": props.get("aliases") or [], "names": decode_names(props.get("names")),
        "description": props.get("description"), "wikidata_qid": props.get("wikidata_qid"),
        "properties": {k: plain(v) for k, v in props.items() if k in node.properties},
        "citations": decode_citations(props),
    }, f"entity {entity_id}")


def _uncited(changed: set[str], citations: list[Citation], reference: set[str]) -> list[str]:
    cited = {f for c in citations for f in c.fields}
    return sorted(changed - cited - reference)


def update_entity(graph: Graph, entity_id: str, patch: EntityPatch, actor: Actor) -> LoadReport:
    current = stored_entity(graph, entity_id)
    data = current.model_dump()
    changes = patch.model_dump(exclude_unset=True, exclude={"citations", "properties"})
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
    return import_bundle(graph, Bundle(entities=[record(EntityRecord, data, f"entity {entity_id}")]),
                         actor)


def update_relationship(graph: Graph, rel_id: str, patch: RelationshipPatch,
                        actor: Actor) -> LoadReport:
    rows = graph.read(load("relationship_get"), id=rel_id)
    if not rows:
        raise NotFound(f"no relationship with id {rel_id!r}", id=rel_id)
    row = rows[0]
    props = {k: plain(v) for k, v in row["props"].items()}
    spec = get_schema().relationships[row["type"]]
    data: dict[str, Any] = {
        "id": rel_id, "type": row["type"], "from": row["from"], "to": row["to"],
        "valid_from": props.get("valid_from"), "valid_to": props.get("valid_to"),
        "date_text": props.get("date_text"),
        "properties": {k: v for k, v in props.items() if k in spec.properties},
        "citations": [*decode_citations(row["props"]), *(c.model_dump() for c in patch.citations)],
    }
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


# --- retraction and merge ---------------------------------------------------------

def retract_relationship(graph: Graph, rel_id: str, note: str | None, actor: Actor) -> None:
    log = ChangeSet(actor)

    def work(tx: ManagedTransaction) -> None:
        row = tx.run(load("retract_relationship"), id=rel_id, key_id=actor.key_id, note=note).single()
        if row is None:
            raise NotFound(f"no active relationship with id {rel_id!r}", id=rel_id)
        log.add("retract", "relationship", rel_id, row["props"], None,
                entities=[row["from"], row["to"]], note=note)
        log.write(tx)

    graph.write_transaction(work)


def _retract_entity_tx(tx: ManagedTransaction, entity_id: str, note: str | None, actor: Actor,
                       log: ChangeSet, merged_into: str | None = None) -> None:
    row = tx.run(load("retract_entity"), id=entity_id, key_id=actor.key_id, note=note,
                 merged_into=merged_into).single()
    if row is None:
        raise NotFound(f"no active entity with id {entity_id!r}", id=entity_id)
    for rel in row["rels"]:
        log.add("retract", "relationship", rel["id"], rel["props"], None,
                entities=[rel["from"], rel["to"]], note=note)
    log.add("merge" if merged_into else "retract", "entity", entity_id, row["props"], None,
            entities=[merged_into] if merged_into else None, note=note)


def retract_entity(graph: Graph, entity_id: str, cascade: bool, note: str | None,
                   actor: Actor) -> None:
    rows = graph.read(load("active_degree"), id=entity_id)
    if not rows:
        raise NotFound(f"no active entity with id {entity_id!r}", id=entity_id)
    if rows[0]["degree"] and not cascade:
        raise Conflict(f"{entity_id!r} still has {rows[0]['degree']} relationship(s); retract them "
                       "first or pass cascade=true to retract them with it")
    log = ChangeSet(actor)

    def work(tx: ManagedTransaction) -> None:
        _retract_entity_tx(tx, entity_id, note, actor, log)
        log.write(tx)

    graph.write_transaction(work)


def merge_entities(graph: Graph, old_id: str, into_id: str, actor: Actor) -> LoadReport:
    """Move `old_id`'s relationships and citations to `into_id`; the old id then redirects."""
    if old_id == into_id:
        raise InvalidInput("an entity cannot be merged into itself")
    old, into = stored_entity(graph, old_id), stored_entity(graph, into_id)
    if old.type != into.type:
        raise InvalidInput(f"cannot merge a {old.type} into a {into.type}")
    _, rels = graph.run(get_entity_rows(old_id))
    moved: list[RelationshipRecord] = []
    for raw in rels:
        other = raw["other"]["id"]
        if other == into_id:
            continue  # a link between the two becomes a self-loop: dropped
        ends = (into_id, other) if raw["direction"] == "out" else (other, into_id)
        props = {k: plain(v) for k, v in raw["props"].items()}
        spec = get_schema().relationships[raw["type"]]
        moved.append(RelationshipRecord.model_validate({
            "type": raw["type"], "from": ends[0], "to": ends[1],
            "valid_from": props.get("valid_from"), "valid_to": props.get("valid_to"),
            "date_text": props.get("date_text"),
            "properties": {k: v for k, v in props.items() if k in spec.properties},
            "citations": decode_citations(raw["props"]),
        }))
    for i, rel in enumerate(moved):  # the survivor may already state the same fact
        existing = graph.read(load("relationship_get"), id=rel.fact_id)
        if existing:
            kept = [Citation.model_validate(c) for c in decode_citations(existing[0]["props"])]
            extra = [c for c in rel.citations if c not in kept]
            moved[i] = rel.model_copy(update={"citations": [*kept, *extra]})
    survivor = into.model_copy(update={
        "aliases": sorted({*into.aliases, old.name, *old.aliases} - {into.name}),
        "citations": [*into.citations, *(c for c in old.citations if c not in into.citations)],
    })
    bundle = Bundle(entities=[survivor], relationships=moved)
    validate(graph, bundle)
    sources, entities, rel_rows = bundle_rows(bundle)
    log = ChangeSet(actor)

    def work(tx: ManagedTransaction) -> int:
        _retract_entity_tx(tx, old_id, f"merged into {into_id}", actor, log, merged_into=into_id)
        written = write_rows_tx(tx, sources, entities, rel_rows, log)
        log.write(tx)
        return written

    written = graph.write_transaction(work)
    return LoadReport(0, 1, len(moved), created=len(moved), updated=written - len(moved),
                      batch=log.batch)
