"""The bulk loader for large, trusted datasets (initial loads, benchmarks, restores).

Rows are already in storage form (see app/store/codec.py). Each batch is one
UNWIND ... MERGE transaction against the unique-id constraints, so a load can be
resumed from the last reported batch. No per-record diff or history: curated
edits go through app/writes/loader.py instead.
"""

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, LiteralString, TypeVar

from app.store.cypher import load
from app.store.db import Graph

T = TypeVar("T")
Progress = Callable[[str, int], None]

# Neo4j plans a query once and keeps the plan until its statistics drift and at least
# 10 s have passed. A plan made on an empty graph finds an existing relationship by
# scanning all relationships (cheap when there are none), so each later row costs as
# much as the whole graph so far, until the replan. Replanning once, after the first
# batch has written real data, avoids that.
REPLAN: LiteralString = "CYPHER replan=force "
# The first batch runs on whatever plan the statistics of the moment give, which on a
# graph without relationships is the scan above, where each row also scans the rows
# written before it in the same transaction: a small first batch keeps that cheap
# (bench/README.md has the timings).
FIRST_BATCH = 500


@dataclass
class BulkReport:
    entities: int
    relationships: int
    entity_seconds: float
    relationship_seconds: float

    @property
    def entities_per_second(self) -> float:
        return self.entities / self.entity_seconds if self.entity_seconds else 0.0

    @property
    def relationships_per_second(self) -> float:
        return self.relationships / self.relationship_seconds if self.relationship_seconds else 0.0


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def batches(items: Iterable[T], size: int, first: int) -> Iterator[list[T]]:
    """`first` items, then `size` at a time."""
    iterator = iter(items)
    if head := list(islice(iterator, min(first, size))):
        yield head
        yield from chunks(iterator, size)


def _load(graph: Graph, query: str, kind: str, rows: Iterable[dict[str, Any]], batch_size: int,
          progress: Progress | None) -> tuple[int, float]:
    started, done = time.perf_counter(), 0
    for number, batch in enumerate(batches(rows, batch_size, FIRST_BATCH)):
        text = load(query)
        graph.write(REPLAN + text if number == 1 else text, rows=batch)
        done += len(batch)
        if progress:
            progress(kind, done)
    return done, time.perf_counter() - started


def bulk_load(graph: Graph, sources: Sequence[dict[str, Any]], entities: Iterable[dict[str, Any]],
              relationships: Iterable[dict[str, Any]], batch_size: int = 5000,
              progress: Progress | None = None) -> BulkReport:
    _load(graph, "upsert_sources", "sources", sources, batch_size, progress)
    n_entities, t_entities = _load(graph, "upsert_entities", "entities", entities, batch_size, progress)
    n_rels, t_rels = _load(graph, "upsert_relationships", "relationships", relationships, batch_size,
                           progress)
    return BulkReport(n_entities, n_rels, t_entities, t_rels)
