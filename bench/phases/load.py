"""The load phase: the bulk loader against one MERGE per record, after a warm-up of both."""

import time
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from app.store.db import Graph
from app.writes.bulk import BulkReport, bulk_load
from bench.generate import SyntheticGraph, generate
from bench.processes import say


def naive_load(graph: Graph, data: SyntheticGraph, sample: int, prefix: str = "naive-") -> dict[str, float]:
    """One MERGE per record, one transaction each: what a first script would do."""
    entities = data.entities[:sample]
    started = time.perf_counter()
    for e in entities:
        graph.write("MERGE (n:Entity {id: $id}) SET n += $props", id=prefix + e["id"],
                    props={**e["props"], "id": prefix + e["id"]})
    entity_rate = len(entities) / (time.perf_counter() - started)
    rels = data.relationships[:sample]
    started = time.perf_counter()
    for r in rels:
        graph.write("MATCH (a:Entity {id: $a}), (b:Entity {id: $b}) "
                    "MERGE (a)-[x:NAIVE {id: $id}]->(b) SET x += $props",
                    a=r["from"], b=r["to"], id=prefix + r["id"], props=r["props"])
    rel_rate = len(rels) / (time.perf_counter() - started)
    graph.write("MATCH ()-[x:NAIVE]->() DELETE x")
    graph.write("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", prefix=prefix)
    return {"entities_per_second": round(entity_rate, 1), "relationships_per_second": round(rel_rate, 1)}


class RateColumn(ProgressColumn):
    """Records per second over rich's recent-speed window."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f}/s" if task.speed else "", style="progress.data.speed")


def bulk_load_with_bar(graph: Graph, data: SyntheticGraph, batch_size: int) -> BulkReport:
    totals = {"sources": len(data.sources), "entities": len(data.entities),
              "relationships": len(data.relationships)}
    with Progress(TextColumn("{task.description:>13}"), BarColumn(), MofNCompleteColumn(),
                  RateColumn(), TimeElapsedColumn(), console=Console(stderr=True)) as bar:
        tasks = {kind: bar.add_task(kind, total=total) for kind, total in totals.items()}
        return bulk_load(graph, data.sources, data.entities, data.relationships, batch_size,
                         progress=lambda kind, done: bar.update(tasks[kind], completed=done))


WARM_UP = "warm-"
WARM_UP_ENTITIES = 10_000


def renamed(data: SyntheticGraph, prefix: str) -> SyntheticGraph:
    """A copy of `data` with every id (sources, entities, relationships, citations) prefixed."""
    def cited(props: dict[str, Any]) -> dict[str, Any]:
        return {**props, "id": prefix + props["id"],
                "cite_sources": [prefix + s for s in props.get("cite_sources", [])]}

    return SyntheticGraph(
        sources=[{**s, "id": prefix + s["id"], "props": {**s["props"], "id": prefix + s["id"]}}
                 for s in data.sources],
        entities=[{**e, "id": prefix + e["id"], "props": cited(e["props"])} for e in data.entities],
        relationships=[{**r, "id": prefix + r["id"], "from": prefix + r["from"], "to": prefix + r["to"],
                        "props": cited(r["props"])} for r in data.relationships])


def warm_up(graph: Graph, size: int, batch_size: int, sample: int) -> None:
    """Both ways load a throwaway graph first, so neither pays the server's first planning
    and JIT compilation in its measured rates: on a cold server the bulk loader's first
    batches are several times slower (bench/README.md), which at 10k entities is most of
    the load."""
    spare = renamed(generate(size, seed=99), WARM_UP)
    bulk_load(graph, spare.sources, spare.entities, spare.relationships, batch_size)
    naive_load(graph, spare, min(sample, 500), prefix=WARM_UP + "naive-")
    graph.write("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", prefix=WARM_UP)
    graph.write("MATCH (s:Source) WHERE s.id STARTS WITH $prefix DETACH DELETE s", prefix=WARM_UP)


def load_phase(graph: Graph, data: SyntheticGraph, batch_size: int, sample: int) -> dict[str, Any]:
    size = min(WARM_UP_ENTITIES, len(data.entities))
    say(f"warm-up: both ways load and delete a {size:,}-entity throwaway graph")
    warm_up(graph, size, batch_size, sample)
    say(f"bulk load: {len(data.entities)} entities, {len(data.relationships)} relationships")
    report = bulk_load_with_bar(graph, data, batch_size)
    bulk = {"entities_per_second": round(report.entities_per_second, 1),
            "relationships_per_second": round(report.relationships_per_second, 1),
            "seconds": round(report.entity_seconds + report.relationship_seconds, 1)}
    say(f"naive load of {sample} records for comparison")
    naive = naive_load(graph, data, sample)
    return {"batch_size": batch_size, "bulk": bulk, "naive": naive, "naive_sample": sample,
            "ratio_entities": round(bulk["entities_per_second"] / naive["entities_per_second"], 1),
            "ratio_relationships": round(bulk["relationships_per_second"]
                                        / naive["relationships_per_second"], 1)}
