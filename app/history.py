"""Edit history: every write records who, when, what and the value before.

The history also gives the record-time axis its property values: the state of a
record at time T is the `before` of its first change after T (or its current
state if none), while `recorded_at`/`retracted_at` in the read queries decide
whether it existed at T.
"""

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from neo4j import ManagedTransaction

from app.cypher import load
from app.db import Graph, Plan, step
from app.requests import FAR_FUTURE
from app.storage import plain

# Keys that are bookkeeping, not content: a change in them alone is no change.
VOLATILE = {"recorded_at", "retracted_at", "retracted_by", "retraction_note", "merged_into"}


@dataclass
class Actor:
    """Who writes: an API key, or the CLI/loader acting for the operator."""

    key_id: str | None
    name: str


SEED_LOADER = Actor(None, "seed-loader")


@dataclass
class ChangeSet:
    actor: Actor
    batch: str = field(default_factory=lambda: uuid.uuid4().hex)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, action: str, kind: str, target: str, before: dict[str, Any] | None,
            after: dict[str, Any] | None, entities: list[str] | None = None,
            note: str | None = None) -> None:
        self.rows.append({
            "id": uuid.uuid4().hex, "seq": len(self.rows), "action": action, "kind": kind,
            "target": target, "entities": entities or [], "note": note,
            "before": dump(before), "after": dump(after),
        })

    def write(self, tx: ManagedTransaction) -> None:
        if not self.rows:
            return
        tx.run(load("record_changes"), rows=self.rows, batch=self.batch,
               key_id=self.actor.key_id, actor=self.actor.name).consume()


def content(props: dict[str, Any] | None) -> dict[str, Any] | None:
    """A record's content for comparison and history: plain values, no bookkeeping."""
    if props is None:
        return None
    return {k: plain(v) for k, v in sorted(props.items()) if k not in VOLATILE}


def dump(props: dict[str, Any] | None) -> str | None:
    return None if props is None else json.dumps(content(props), ensure_ascii=False, sort_keys=True)


def current_records(tx: ManagedTransaction, entity_ids: list[str], source_ids: list[str],
                    rels: list[dict[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    result = tx.run(load("current_records"), entity_ids=entity_ids, source_ids=source_ids, rels=rels)
    return {(row["kind"], row["id"]): {**row["props"], "_labels": row["labels"]} for row in result}


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
            record.clear()
            record.update(json.loads(before))


def entity_history(graph: Graph, entity_id: str) -> list[dict[str, Any]]:
    rows = graph.read(load("entity_history"), id=entity_id)
    for row in rows:
        row["before"] = json.loads(row["before"]) if row["before"] else None
        row["after"] = json.loads(row["after"]) if row["after"] else None
    return rows
