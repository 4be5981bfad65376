"""Health: the database's version and edition, and the schema applied against the one expected."""

from typing import Any

from app.schema.loader import get_schema
from app.store.cypher import load
from app.store.db import Plan, step


def database_status() -> Plan[dict[str, Any]]:
    """A query, not just a connectivity check: a database that cannot answer is down."""
    row = (yield step(load("health")))[0]
    return {"status": "up", "version": row["version"], "edition": row["edition"]}


def schema_version() -> Plan[dict[str, Any] | None]:
    rows = yield step(load("schema_version"))
    return rows[0] if rows else None


def expected_schema() -> dict[str, Any]:
    schema = get_schema()
    return {"version": schema.version, "checksum": schema.checksum}
