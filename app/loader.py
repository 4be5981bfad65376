"""Write a validated bundle in one transaction with batched, idempotent UNWIND/MERGE."""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from app.cypher import load
from app.db import Graph
from app.records import Bundle, load_bundle, seed_folders
from app.storage import entity_props, relationship_props, source_props

T = TypeVar("T")
Progress = Callable[[str, int, int], None]


class IncompleteWrite(RuntimeError):
    """A batch wrote fewer rows than it held; the transaction is rolled back."""


@dataclass
class LoadReport:
    sources: int
    entities: int
    relationships: int


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


def write_bundle(graph: Graph, bundle: Bundle, batch_size: int = 500,
                 progress: Progress | None = None) -> LoadReport:
    sources = [{"id": s.id, "props": source_props(s, text), "recorded_at": s.recorded_at}
               for s, text in bundle.sources]
    entities = [{"id": e.id, "type": str(e.type), "props": entity_props(e),
                 "recorded_at": e.recorded_at} for e in bundle.entities]
    rels = [{"id": r.fact_id, "type": str(r.type), "from": r.from_id, "to": r.to_id,
             "props": relationship_props(r), "recorded_at": r.recorded_at}
            for r in bundle.relationships]

    def work(tx: ManagedTransaction) -> None:
        _write_rows(tx, "upsert_sources", "sources", sources, batch_size, progress)
        _write_rows(tx, "upsert_entities", "entities", entities, batch_size, progress)
        _write_rows(tx, "upsert_relationships", "relationships", rels, batch_size, progress)

    graph.write_transaction(work)
    return LoadReport(len(sources), len(entities), len(rels))


def load_seeds(graph: Graph, root: Path, batch_size: int = 500,
               progress: Progress | None = None) -> LoadReport:
    """Validate every seed folder under `root`, then write them all or nothing."""
    bundle = load_bundle(seed_folders(root))
    return write_bundle(graph, bundle, batch_size, progress)
