"""Storing a snapshot: once, immutable, under an id derived from its content's hash."""

import json
from datetime import datetime
from typing import Any

from app.model.snapshots import SnapshotIn
from app.store.cypher import load
from app.store.db import Graph


def snapshot_id(sha256: str) -> str:
    return f"snap-{sha256[:20]}"


def store_snapshot(graph: Graph, spec: SnapshotIn, t: datetime, sha256: str, entities: list[str],
                   facts: list[str], triples: int, creator: str) -> tuple[dict[str, Any], bool]:
    """The stored snapshot's properties, and whether this call created it."""
    props = {"title": spec.title, "sha256": sha256, "recorded_at": t, "created_by": creator,
             "roots": list(dict.fromkeys(spec.ids)), "depth": spec.depth,
             "types": [str(x) for x in spec.types],
             "as_of": spec.as_of, "entities": entities, "facts": facts, "triples": triples,
             "spec": json.dumps(spec.model_dump(mode="json"), sort_keys=True)}
    row = graph.write(load("snapshot_create"), id=snapshot_id(sha256), props=props)[0]
    return row["props"], row["created"]
