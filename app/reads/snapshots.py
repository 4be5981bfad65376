"""Snapshots on the read path: which entities a snapshot spec holds at its moment, the
stored snapshots, and what changed in the live graph since one was taken."""

import json
from datetime import datetime
from typing import Any

from app.errors import NotFound
from app.model.params import NeighborParams, SubgraphParams
from app.model.snapshots import ChangeOut, SnapshotChanges, SnapshotIn
from app.reads.explore import neighbors, subgraph_pages
from app.store.codec import plain
from app.store.cypher import load
from app.store.db import Plan, step

NEIGHBOR_CAP = 1000
KIND = {"update": "edited", "retract": "retracted", "merge": "merged", "create": "new"}


def snapshot_pages(spec: SnapshotIn, t: datetime) -> Plan[list[tuple[str, list[dict[str, Any]]]]]:
    """The roots, their neighbors up to `depth` (of `types`), and the facts among them,
    as recorded at `t` and valid on `as_of`: the dump's pages (reads.pages)."""
    ids = list(dict.fromkeys(spec.ids))
    if spec.depth:
        for root in spec.ids:
            around = yield from neighbors(root, NeighborParams(
                depth=spec.depth, type=spec.types, as_of=spec.as_of, as_recorded=t, limit=NEIGHBOR_CAP))
            ids += [n.id for n in around.nodes if n.id not in ids]
    return (yield from subgraph_pages(SubgraphParams(ids=ids, as_of=spec.as_of, as_recorded=t)))


def stored(props: dict[str, Any]) -> dict[str, Any]:
    """A stored snapshot as plain data, its spec decoded."""
    return {**{k: plain(v) for k, v in props.items() if k != "spec"}, "spec": json.loads(props["spec"])}


def get_snapshot(snapshot_id: str) -> Plan[dict[str, Any]]:
    rows = yield step(load("snapshot_get"), id=snapshot_id)
    if not rows:
        raise NotFound(f"no snapshot with id {snapshot_id!r}", id=snapshot_id)
    return stored(rows[0]["props"])


def list_snapshots(root: str | None, limit: int, offset: int) -> Plan[list[dict[str, Any]]]:
    rows = yield step(load("snapshot_list"), root=root, limit=limit, offset=offset)
    return [stored(row["props"]) for row in rows]


def changes_since(snapshot: dict[str, Any]) -> Plan[SnapshotChanges]:
    """Edited, retracted and merged entities and facts of the snapshot, and new facts
    touching its roots, recorded after it was taken."""
    rows = yield step(load("snapshot_changes"), t=datetime.fromisoformat(snapshot["recorded_at"]),
                      targets=snapshot["entities"] + snapshot["facts"], roots=snapshot["roots"])
    changes = [ChangeOut(kind=KIND.get(r["action"], "edited"), record=r["kind"], id=r["target"], at=r["at"])
               for r in rows if r["kind"] in ("entity", "relationship")]
    return SnapshotChanges(snapshot=snapshot["id"], since=snapshot["recorded_at"],
                           total=len({c.id for c in changes}), changes=changes)
