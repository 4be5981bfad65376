"""Retraction and merge: facts leave the graph as history entries, never by deletion."""

from typing import Any

from neo4j import ManagedTransaction

from app.errors import Conflict, InvalidInput, NotFound
from app.model.actors import Actor
from app.model.params import FAR_FUTURE
from app.model.records import Bundle, Citation, RelationshipRecord
from app.store.codec import decode_citations
from app.store.cypher import load
from app.store.db import Graph
from app.writes.curation import stored_entity, stored_relationship, validate
from app.writes.history import ChangeSet
from app.writes.loader import LoadReport, bundle_rows, write_rows_tx


def current_relationships(graph: Graph, entity_id: str) -> list[dict[str, Any]]:
    """Every live relationship of the entity, as the entity read gets them."""
    rows = graph.read(load("entity_get"), id=entity_id, t=FAR_FUTURE, per_type=None, stamps=False,
                      as_of=None)
    return list(rows[0]["rels"]) if rows else []


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
    moved: list[RelationshipRecord] = []
    for raw in current_relationships(graph, old_id):
        other = raw["other"]["id"]
        if other == into_id:
            continue  # a link between the two becomes a self-loop: dropped
        ends = (into_id, other) if raw["direction"] == "out" else (other, into_id)
        moved.append(RelationshipRecord.model_validate(
            stored_relationship(raw["type"], ends[0], ends[1], raw["props"])))
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
