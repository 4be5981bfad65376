"""Reads of API keys: verifying a presented key, and the list of keys (never secrets)."""

import hmac
from typing import Any

from app.errors import Unauthorized
from app.model.actors import Principal, Role
from app.store.codec import key_digest
from app.store.cypher import load
from app.store.db import Plan, step


def verify(presented: str) -> Plan[Principal]:
    parts = presented.split("_", 2)
    if len(parts) != 3 or parts[0] != "mgk" or not parts[1] or not parts[2]:
        raise Unauthorized("the API key is malformed (expected mgk_<id>_<secret>)")
    rows = yield step(load("key_find"), id=parts[1])
    if not rows or not hmac.compare_digest(rows[0]["hash"], key_digest(parts[2])):
        raise Unauthorized("the API key is unknown or revoked")
    return Principal(rows[0]["id"], rows[0]["name"], Role(rows[0]["role"]))


def list_keys() -> Plan[list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = yield step(load("key_list"))
    return rows
