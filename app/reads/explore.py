"""Reads for the journalist's relationship questions: neighbors, paths, connections and
subgraphs. Cypher lives in queries/; nothing here knows HTTP."""

from datetime import datetime
from typing import Any

from app.errors import Moved
from app.model.params import (
    FAR_FUTURE,
    ConnectionParams,
    NeighborParams,
    PathParams,
    SubgraphParams,
)
from app.model.responses import (
    ConnectionOut,
    ConnectionsOut,
    EdgeOut,
    EntityRef,
    NeighborCount,
    NeighborNode,
    NeighborsOut,
    PathOut,
    PathsOut,
    SubgraphOut,
)
from app.reads.entities import missing_entities
from app.reads.history import revert
from app.store.codec import decode_relationship
from app.store.cypher import load, load_bounded
from app.store.db import Plan, step

# Expansion work bound on hubs, per depth. Beyond one hop almost every start reaches a
# hub; the bound keeps two hops at 1M entities within the latency target through the API
# (bench/README.md). A page shows 50 neighbors, so the bound mostly cuts the count.
MAX_PATHS = {1: 20_000, 2: 1_000, 3: 1_000}


def edge_out(raw: dict[str, Any]) -> EdgeOut:
    return EdgeOut.model_validate({**decode_relationship(raw["props"]), "id": raw["id"],
                                   "type": raw["type"], "from": raw["from"], "to": raw["to"]})


def require_entities(ids: list[str], t: datetime = FAR_FUTURE) -> Plan[None]:
    missing = [row["id"] for row in (yield step(load("entities_exist"), ids=ids, t=t))
               if not row["found"]]
    if missing:
        yield from missing_entities(missing, t)


def neighbors(entity_id: str, params: NeighborParams) -> Plan[NeighborsOut]:
    head = yield step(load("neighbor_counts"), id=entity_id, t=params.t)
    if not head:
        yield from missing_entities([entity_id], params.t)
    row = (yield step(
        load_bounded("neighbors", depth=params.depth), id=entity_id,
        types=[str(t) for t in params.type], rel_types=[str(t) for t in params.rel_type],
        direction=str(params.direction), as_of=params.as_of, limit=params.limit,
        max_paths=MAX_PATHS[params.depth], t=params.t, now=params.t >= FAR_FUTURE,
    ))[0]
    raw_edges = row["edges"]
    yield from revert(params.t, [raw["props"] for raw in raw_edges])
    total = row["total"]
    return NeighborsOut(
        center=EntityRef(**head[0]["center"]),
        counts=[NeighborCount(**c) for c in head[0]["counts"]],
        nodes=[NeighborNode(**item["node"], distance=item["distance"]) for item in row["items"]],
        edges=[edge_out(raw) for raw in raw_edges],
        total=total, more=max(0, total - params.limit), truncated=total > params.limit,
        total_is_lower_bound=row["capped"],
    )


def path_filters(params: PathParams) -> dict[str, Any]:
    return {"from": params.from_id, "to": params.to_id, "as_of": params.as_of, "t": params.t,
            "now": params.t >= FAR_FUTURE, "exclude_types": [str(t) for t in params.exclude_type],
            "exclude_rel_types": [str(t) for t in params.exclude_rel_type]}


def find_paths(filters: dict[str, Any], k: int, max_hops: int) -> Plan[list[dict[str, Any]]]:
    """Up to k paths: the shortest first, then alternative routes.

    Each round is one bidirectional shortest-path search that avoids the entities in
    between on the paths found so far (and their direct links), so each new route goes
    through someone else. Unlike a k-shortest search, no round enumerates the longer
    paths around a hub. A round whose paths cross a retracted record (flagged `dead`,
    see paths.cypher) is run again avoiding it, so retracted facts never appear.
    """
    plain = filters["now"] and not (filters["as_of"] or filters["exclude_types"]
                                    or filters["exclude_rel_types"])
    rows: list[dict[str, Any]] = []
    dead_nodes: set[str] = set()
    dead_rels: set[str] = set()
    while len(rows) < k:
        avoid_nodes = dead_nodes | {n["element_id"] for row in rows for n in row["nodes"][1:-1]}
        avoid_rels = dead_rels | {row["rels"][0]["element_id"] for row in rows if len(row["rels"]) == 1}
        more = yield step(load_bounded("paths_plain" if plain else "paths", max_hops=max_hops),
                          **filters, k=k - len(rows), avoid_nodes=sorted(avoid_nodes),
                          avoid_rels=sorted(avoid_rels))
        if not more:
            break
        dead = ({n["element_id"] for row in more for n in row["nodes"] if n["dead"]},
                {r["element_id"] for row in more for r in row["rels"] if r["dead"]})
        if any(dead):
            dead_nodes |= dead[0]
            dead_rels |= dead[1]
            continue
        rows += more
    return rows


def paths(params: PathParams) -> Plan[PathsOut]:
    yield from require_entities([params.from_id, params.to_id], params.t)
    rows = yield from find_paths(path_filters(params), params.k, params.max_hops)
    yield from revert(params.t, [e["props"] for r in rows for e in r["rels"]])
    found = [PathOut(length=len(r["rels"]), nodes=[EntityRef(**n) for n in r["nodes"]],
                     relationships=[edge_out(e) for e in r["rels"]]) for r in rows]
    message = (f"{len(found)} path(s) found" if found else
               f"no path of at most {params.max_hops} hops links {params.from_id} and {params.to_id}")
    return PathsOut(from_id=params.from_id, to_id=params.to_id, found=bool(found),
                    message=message, paths=found)


def connections(params: ConnectionParams) -> Plan[ConnectionsOut]:
    yield from require_entities(params.ids, params.t)
    rows = yield step(load("connections"), ids=params.ids, as_of=params.as_of, limit=params.limit,
                      t=params.t)
    yield from revert(params.t, [e["props"] for r in rows for e in r["rels"]])
    return ConnectionsOut(ids=params.ids, results=[
        ConnectionOut(entity=EntityRef(**r["node"]), relationships=[edge_out(e) for e in r["rels"]])
        for r in rows
    ])


def subgraph_pages(params: SubgraphParams) -> Plan[list[tuple[str, list[dict[str, Any]]]]]:
    """The subgraph as the dump's pages (reads.pages): the sources it cites, its entities'
    stored properties, then its relationships, as recorded at `as_recorded`; for the file
    exports and snapshots."""
    ids = list(dict.fromkeys(params.ids))
    rows = yield step(load("subgraph"), ids=ids, as_of=params.as_of, t=params.t)
    entities = yield step(load("entities_props"), ids=[row["node"]["id"] for row in rows], t=params.t)
    rels = [e for row in rows for e in row["rels"]]
    yield from revert(params.t, [e["props"] for e in entities] + [r["props"] for r in rels])
    cited = sorted({s for r in [*entities, *rels] for s in r["props"].get("cite_sources") or []})
    sources = yield step(load("sources_props"), ids=cited, t=params.t)
    yield from revert(params.t, [s["props"] for s in sources])
    return [("sources", sources), ("entities", entities), ("relationships", rels)]


def subgraph(params: SubgraphParams) -> Plan[SubgraphOut]:
    """A view's entities and the relationships among them: what a permalink restores."""
    ids = list(dict.fromkeys(params.ids))
    rows = yield step(load("subgraph"), ids=ids, as_of=params.as_of, t=params.t)
    yield from revert(params.t, [e["props"] for row in rows for e in row["rels"]])
    found = {row["node"]["id"] for row in rows}
    if merged := (yield step(load("merged_ids"), ids=[i for i in ids if i not in found], t=params.t)):
        raise Moved({row["id"]: row["into"] for row in merged})  # the view, with the survivors
    return SubgraphOut(
        nodes=[EntityRef(**row["node"]) for row in rows],
        edges=[edge_out(e) for row in rows for e in row["rels"]],
        missing=[i for i in ids if i not in found],
    )
