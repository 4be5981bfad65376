"""Write a validated bundle in one transaction with batched, idempotent UNWIND/MERGE.

Only records whose content differs from what is stored are written, and each one
written gets a history entry in the same transaction: the same batch twice
changes nothing and records nothing.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from app.model.actors import SEED_LOADER, Actor
from app.model.records import Bundle
from app.store.codec import entity_props, relationship_props, source_props
from app.store.cypher import load
from app.store.db import Graph
from app.writes.history import ChangeSet, content, current_records
from app.writes.validate import load_bundle, seed_folders

T = TypeVar("T")
Progress = Callable[[str, int, int], None]


class IncompleteWrite(RuntimeError):
    """A batch wrote fewer rows than it held; the transaction is rolled back."""


@dataclass
class LoadReport:
    sources: int
    entities: int
    relationships: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    batch: str | None = None


def _batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _write_rows(tx: ManagedTransaction, query: str, kind: str, rows: list[dict[str, Any]],
                batch_size: int, progress: Progress | None) -> None:
    done = 0
    for batch in _batches(rows, batch_size):
        written = tx.run(load(query), rows=list(batch)).single(strict=True)["written"]
        if written != len(batch):
            raise IncompleteWrite(f"{kind}: wrote {written} of {len(batch)} rows")
        done += len(batch)
        if progress:
            progress(kind, done, len(rows))


def _changed(kind: str, rows: list[dict[str, Any]], stored: dict[tuple[str, str], dict[str, Any]],
             changes: ChangeSet) -> list[dict[str, Any]]:
    """Keep the rows whose content differs from the stored record, and log each."""
    out = []
    for row in rows:
        before = stored.get((kind, row["id"]))
        label = row.get("type")
        same_type = before is None or label is None or label in before.get("_labels", [])
        if before is not None and same_type and content(_strip(before)) == content(row["props"]):
            continue
        ends = [row["from"], row["to"]] if kind == "relationship" else None
        changes.add(_action(before), kind, row["id"],
                    _strip(before) if before else None, row["props"], entities=ends)
        out.append(row)
    return out


def _action(before: dict[str, Any] | None) -> str:
    """A retracted record written again comes back: a `restore`, live from now on."""
    if before is None:
        return "create"
    return "restore" if before.get("retracted_at") is not None else "update"


def _strip(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k != "_labels"}


def write_rows_tx(tx: ManagedTransaction, sources: list[dict[str, Any]],
                  entities: list[dict[str, Any]], rels: list[dict[str, Any]], changes: ChangeSet,
                  batch_size: int = 500, progress: Progress | None = None) -> int:
    """Inside a caller's transaction: write what changed and log it in `changes`."""
    stored = current_records(tx, [e["id"] for e in entities], [s["id"] for s in sources],
                             [{"id": str(r["id"]), "from": str(r["from"])} for r in rels])
    todo = [("upsert_sources", "sources", _changed("source", sources, stored, changes)),
            ("upsert_entities", "entities", _changed("entity", entities, stored, changes)),
            ("upsert_relationships", "relationships",
             _changed("relationship", rels, stored, changes))]
    for query, kind, rows in todo:
        _write_rows(tx, query, kind, rows, batch_size, progress)
    return sum(len(rows) for _, _, rows in todo)


def bundle_rows(bundle: Bundle) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The storage rows of a bundle: sources, entities, relationships."""
    sources: list[dict[str, Any]] = [
        {"id": s.id, "props": source_props(s, text), "recorded_at": s.recorded_at}
        for s, text in bundle.sources]
    entities: list[dict[str, Any]] = [{"id": e.id, "type": str(e.type), "props": entity_props(e),
                                       "recorded_at": e.recorded_at} for e in bundle.entities]
    rels: list[dict[str, Any]] = [{"id": r.fact_id, "type": str(r.type), "from": r.from_id,
                                   "to": r.to_id, "props": relationship_props(r),
                                   "recorded_at": r.recorded_at} for r in bundle.relationships]
    return sources, entities, rels


def write_bundle(graph: Graph, bundle: Bundle, batch_size: int = 500,
                 progress: Progress | None = None, actor: Actor = SEED_LOADER) -> LoadReport:
    sources, entities, rels = bundle_rows(bundle)
    total = len(sources) + len(entities) + len(rels)
    changes = ChangeSet(actor)

    def work(tx: ManagedTransaction) -> int:
        changes.rows.clear()
        written = write_rows_tx(tx, sources, entities, rels, changes, batch_size, progress)
        changes.write(tx)
        return written

    written = graph.write_transaction(work)
    created = sum(1 for row in changes.rows if row["action"] == "create")
    return LoadReport(len(sources), len(entities), len(rels), created=created,
                      updated=written - created, unchanged=total - written, batch=changes.batch)


def known_records(graph: Graph, bundle: Bundle) -> tuple[dict[str, str], dict[str, str]]:
    """Stored sources (id -> text) and entities (id -> type) the bundle refers to but lacks."""
    defined = {e.id for e in bundle.entities}
    wanted = {i for r in bundle.relationships for i in (r.from_id, r.to_id)}
    wanted |= {c.attributed_to for e in bundle.entities for c in e.every_citation if c.attributed_to}
    wanted |= {c.attributed_to for r in bundle.relationships for c in r.citations if c.attributed_to}
    # Source ids are looked up too: they may not reuse an entity's id (one URI space).
    wanted |= {s.id for s, _ in bundle.sources}
    entities = {row["id"]: row["type"]
                for row in graph.read(load("known_entities"), ids=sorted(wanted - defined))}
    have = {s.id for s, _ in bundle.sources}
    cited = {c.source for e in bundle.entities for c in e.every_citation}
    cited |= {c.source for r in bundle.relationships for c in r.citations}
    sources = {row["id"]: row["text"]
               for row in graph.read(load("known_sources"), ids=sorted(cited - have))}
    return sources, entities


def load_seeds(graph: Graph, root: Path, batch_size: int = 500,
               progress: Progress | None = None) -> LoadReport:
    """Validate every seed folder under `root`, then write them all or nothing."""
    bundle = load_bundle(seed_folders(root))
    return write_bundle(graph, bundle, batch_size, progress)
