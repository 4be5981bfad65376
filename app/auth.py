"""API keys and roles. Keys are `mgk_<id>_<secret>`; only sha256(secret) is stored,
so a key is shown once, at creation, and never logged."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from app.cypher import load
from app.db import Graph
from app.errors import Forbidden, NotFound, Unauthorized
from app.history import Actor


class Role(StrEnum):
    reader = "reader"
    editor = "editor"
    admin = "admin"


RANK = {Role.reader: 1, Role.editor: 2, Role.admin: 3}


class Level(IntEnum):
    anyone = 0
    reader = 1
    editor = 2
    admin = 3


@dataclass(frozen=True)
class Principal:
    key_id: str
    name: str
    role: Role

    @property
    def actor(self) -> Actor:
        return Actor(self.key_id, self.name)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(graph: Graph, name: str, role: Role) -> tuple[str, dict[str, Any]]:
    """Create a key; return the full key (shown once) and its public record."""
    key_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    row = graph.write(load("key_create"), id=key_id, name=name, role=str(role), hash=_digest(secret))[0]
    return f"mgk_{key_id}_{secret}", row


def list_keys(graph: Graph) -> list[dict[str, Any]]:
    return graph.read(load("key_list"))


def revoke_key(graph: Graph, key_id: str) -> None:
    if not graph.write(load("key_revoke"), id=key_id):
        raise NotFound(f"no active key with id {key_id!r}", id=key_id)


def verify(graph: Graph, presented: str) -> Principal:
    parts = presented.split("_", 2)
    if len(parts) != 3 or parts[0] != "mgk" or not parts[1] or not parts[2]:
        raise Unauthorized("the API key is malformed (expected mgk_<id>_<secret>)")
    rows = graph.read(load("key_find"), id=parts[1])
    if not rows or not hmac.compare_digest(rows[0]["hash"], _digest(parts[2])):
        raise Unauthorized("the API key is unknown or revoked")
    return Principal(rows[0]["id"], rows[0]["name"], Role(rows[0]["role"]))


bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer mgk_<id>_<secret>")
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
HeaderKey = Annotated[str | None, Security(api_key_header)]


async def identify(request: Request, credentials: HTTPAuthorizationCredentials | None,
                   header_key: str | None) -> Principal | None:
    presented = credentials.credentials if credentials else header_key
    if not presented:
        return None
    # Only a presented key costs a database read, off the event loop.
    found = await run_in_threadpool(verify, request.app.state.graph, presented)
    request.state.key_id = found.key_id  # for the access log and rate limits; never the secret
    return found


def require(level: Level) -> Any:
    """A dependency that lets through keys of at least `level` (401 without, 403 below).

    One dependency, not a tree: every read passes through it, and each node FastAPI
    solves costs tens of microseconds per request (bench/README.md)."""

    async def check(request: Request, credentials: Credentials, header_key: HeaderKey) -> Principal | None:
        return await authorize(request, level, credentials, header_key)

    return Depends(check)


async def authorize(request: Request, level: Level, credentials: HTTPAuthorizationCredentials | None,
                    header_key: str | None) -> Principal | None:
    who = await identify(request, credentials, header_key)
    needed = level
    if needed == Level.anyone and request.app.state.settings.reads_require_key:
        needed = Level.reader
    if needed == Level.anyone:
        return who
    if who is None:
        raise Unauthorized("this request needs an API key (Authorization: Bearer mgk_...)")
    if RANK[who.role] < needed:
        raise Forbidden(f"the key {who.key_id!r} has role {who.role}; this needs {needed.name}")
    return who


async def authorize_read(request: Request) -> Principal | None:
    """`ReadAccess` called directly, with the same two security schemes reading the headers."""
    return await authorize(request, Level.anyone, await bearer(request), await api_key_header(request))


ReadAccess = require(Level.anyone)
EditorDep = Annotated[Principal, require(Level.editor)]
AdminDep = Annotated[Principal, require(Level.admin)]
