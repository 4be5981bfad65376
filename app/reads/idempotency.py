"""The stored first answer to a write sent with an Idempotency-Key."""

from typing import Any

from app.store.cypher import load
from app.store.db import Plan, step


def stored_answer(ident: str) -> Plan[dict[str, Any] | None]:
    rows = yield step(load("idempotency_get"), id=ident)
    return rows[0] if rows else None
