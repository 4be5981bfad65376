"""Edit history on the write path: every write records who, when, what and the value before.

The read side (`app.reads.history`) replays it to give the record-time axis its values.
"""

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from app.model.actors import Actor
from app.store.codec import BOOKKEEPING, plain
from app.store.cypher import load

# Keys that are bookkeeping, not content: a change in them alone is no change.
VOLATILE = {"recorded_at", *BOOKKEEPING}


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
    """What the database holds now for the records a write is about to touch."""
    result = tx.run(load("current_records"), entity_ids=entity_ids, source_ids=source_ids, rels=rels)
    return {(row["kind"], row["id"]): {**row["props"], "_labels": row["labels"]} for row in result}
