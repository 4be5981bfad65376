"""The latency workload: for each endpoint, random cases as the API path a client sends and
the Plan the route runs for it, built from the app's own parameter models.

Each case's Plan is run once against the database and its steps recorded, so the raw side
replays exactly the queries and parameters the app sends (every round of a path search
included): a change to a query, a default or a Plan reaches both sides.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from app.errors import GraphError
from app.model.params import (
    ConnectionParams,
    EntityParams,
    NeighborParams,
    PathParams,
    SearchParams,
    TimelineParams,
)
from app.reads.entities import get_entity, search
from app.reads.explore import connections, neighbors, paths
from app.reads.timeline import timeline
from app.store.db import Graph, Plan, Step
from bench.generate import SyntheticGraph


@dataclass
class Case:
    path: str
    plan: Plan[Any]
    steps: list[Step] | None = None


def record(graph: Graph, plan: Plan[Any]) -> list[Step]:
    """Run `plan` on `graph`, keeping every step it sends."""
    steps: list[Step] = []
    try:
        query, params = next(plan)
        while True:
            steps.append((query, params))
            query, params = plan.send(graph.read(query, **params))
    except (StopIteration, GraphError):  # done, or refused as the API would refuse it
        pass
    return steps


def _url(path: str, query: dict[str, Any]) -> str:
    return f"{path}?{urlencode(query, doseq=True)}" if query else path


def workload(data: SyntheticGraph, rng: random.Random) -> dict[str, Callable[[], Case]]:
    """Per endpoint, a function giving a random case."""
    ids = [e["id"] for e in data.entities]
    names = [e["props"]["name"] for e in data.entities if e["type"] == "Person"]
    edges = data.relationships

    def search_case() -> Case:
        query = {"q": rng.choice(names)}
        return Case(_url("/entities", query), search(SearchParams.model_validate(query)))

    def entity_case() -> Case:
        i = rng.choice(ids)
        params = EntityParams()
        return Case(f"/entities/{i}", get_entity(i, params.t, params.per_type))

    def neighbors_case(depth: int) -> Callable[[], Case]:
        def make() -> Case:
            i, query = rng.choice(ids), {"depth": depth, "limit": 50}
            return Case(_url(f"/entities/{i}/neighbors", query),
                        neighbors(i, NeighborParams.model_validate(query)))
        return make

    def paths_case() -> Case:
        a, b = rng.choice(edges)["from"], rng.choice(edges)["to"]
        while b == a:  # the API rightly refuses a path from an entity to itself
            b = rng.choice(edges)["to"]
        query = {"from": a, "to": b, "max_hops": 4}
        return Case(_url("/paths", query), paths(PathParams.model_validate(query)))

    def connections_case() -> Case:
        edge = rng.choice(edges)
        other = rng.choice([r for r in rng.sample(edges, 50) if r["to"] == edge["to"]] or [edge])
        a, b = edge["from"], other["from"] if other["from"] != edge["from"] else rng.choice(ids)
        query = {"ids": [a, b]}
        return Case(_url("/connections", query), connections(ConnectionParams.model_validate(query)))

    def timeline_case() -> Case:
        i = rng.choice(ids)
        return Case(f"/entities/{i}/timeline", timeline(i, TimelineParams()))

    return {"search": search_case, "entity": entity_case, "neighbors_d1": neighbors_case(1),
            "neighbors_d2": neighbors_case(2), "paths_4_hops": paths_case,
            "connections": connections_case, "timeline": timeline_case}


def wrk_paths(data: SyntheticGraph, mix: bool, rng: random.Random, count: int = 20_000) -> list[str]:
    """Entity reads only, or a mix: 60 % entity, 20 % search, 20 % one-hop neighbors."""
    ids = [e["id"] for e in data.entities]
    names = [e["props"]["name"] for e in data.entities if e["type"] == "Person"]
    paths = []
    for _ in range(count):
        roll = rng.random() if mix else 0.0
        if roll < 0.6:
            paths.append(f"/entities/{rng.choice(ids)}")
        elif roll < 0.8:
            paths.append("/entities?q=" + quote(rng.choice(names)))
        else:
            paths.append(f"/entities/{rng.choice(ids)}/neighbors?depth=1&limit=50")
    return paths
