"""Create and revoke API keys. Keys are `mgk_<id>_<secret>`; only the secret's digest is
stored, so a key is shown once, at creation, and never logged."""

import secrets
from typing import Any

from app.errors import NotFound
from app.model.actors import Role
from app.store.codec import key_digest
from app.store.cypher import load
from app.store.db import Graph


def create_key(graph: Graph, name: str, role: Role) -> tuple[str, dict[str, Any]]:
    """Create a key; return the full key (shown once) and its public record."""
    key_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    row = graph.write(load("key_create"), id=key_id, name=name, role=str(role),
                      hash=key_digest(secret))[0]
    return f"mgk_{key_id}_{secret}", row


def revoke_key(graph: Graph, key_id: str) -> None:
    if not graph.write(load("key_revoke"), id=key_id):
        raise NotFound(f"no active key with id {key_id!r}", id=key_id)
