"""The access check as FastAPI dependencies: who presents which key, and what it may do."""

from enum import IntEnum
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from app.api.ratelimit import RateLimit, VerifiedKeys, address_key
from app.errors import Forbidden, TooManyRequests, Unauthorized
from app.model.actors import Principal, Role
from app.reads.keys import verify
from app.store.db import AsyncGraph

RANK = {Role.reader: 1, Role.editor: 2, Role.admin: 3}


class Level(IntEnum):
    anyone = 0
    reader = 1
    editor = 2
    admin = 3


bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer mgk_<id>_<secret>")
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)

Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
HeaderKey = Annotated[str | None, Security(api_key_header)]


async def identify(request: Request, credentials: HTTPAuthorizationCredentials | None,
                   header_key: str | None) -> Principal | None:
    presented = credentials.credentials if credentials else header_key
    if not presented:
        return None
    verified: VerifiedKeys = request.app.state.verified_keys
    failures: RateLimit = request.app.state.auth_failures
    address = address_key(request.scope)
    if verified.key_id(presented) is None and failures.wait(address) > 0:
        # Guessing keys is not free: past the budget, no database read either.
        raise TooManyRequests(f"too many failed authentications from this address "
                              f"(limit {failures.spec}); wait and retry")
    graph: AsyncGraph = request.app.state.async_graph
    try:
        found = await graph.run(verify(presented))
    except Unauthorized:
        failures.allow(address)
        verified.forget(presented)
        raise
    verified.remember(presented, found.key_id)
    request.state.key_id = found.key_id  # for the access log; never the secret
    return found


def require(level: Level) -> Any:
    """A dependency that lets through keys of at least `level` (401 without, 403 below).

    One dependency, not a tree: every read passes through it, and each node FastAPI
    solves has a cost per request (bench/README.md)."""

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


ReadAccess = require(Level.anyone)
EditorDep = Annotated[Principal, require(Level.editor)]
AdminDep = Annotated[Principal, require(Level.admin)]
