"""The record-time axis on the read path: a record's values at record time T, and its history.

The state of a record at time T is the `before` of its first change after T (or its
current state if none), while `recorded_at`, `retracted_at` and the earlier retracted
periods in `retracted_between` decide, in the read queries, whether it existed at T.
"""

import json
from datetime import datetime
from typing import Any

from app.errors import NotFound
from app.model.params import FAR_FUTURE
from app.store.cypher import load
from app.store.db import Plan, step


def revert(t: datetime, records: list[dict[str, Any]]) -> Plan[None]:
    """Replace, in place, each record's properties by their state at record time `t`."""
    if t >= FAR_FUTURE or not records:
        return
    ids = sorted({r["id"] for r in records if "id" in r})
    rows = yield step(load("changes_after"), ids=ids, t=t)
    earlier = {row["id"]: row["before"] for row in rows if row["before"] is not None}
    for record in records:
        before = earlier.get(record.get("id", ""))
        if before is not None:
            # History keeps content; `recorded_at` (the first recording) never changes.
            first = record.get("recorded_at")
            record.clear()
            record.update(json.loads(before), recorded_at=first)


def entity_history(entity_id: str) -> Plan[list[dict[str, Any]]]:
    """Every change, oldest first; an id the graph never held is a 404, not an empty list."""
    rows = yield step(load("entity_history"), id=entity_id)
    if not rows and not (yield step(load("known_entities"), ids=[entity_id])):
        raise NotFound(f"no entity with id {entity_id!r}", id=entity_id)
    for row in rows:
        row["before"] = json.loads(row["before"]) if row["before"] else None
        row["after"] = json.loads(row["after"]) if row["after"] else None
    return rows
