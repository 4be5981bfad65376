"""Idempotency-Key on writes: the same key and body from the same caller within 24 hours
get the first answer again, and the write happens once, so a retry after an unknown
outcome (a 503 past the deadline, a dropped connection) is safe, as in the payment APIs.

A key is claimed before the write (a unique constraint: a concurrent duplicate is a 409)
and completed with the answer after it. Answers worth keeping are those of the request
itself; a 5xx, 401, 403 or 429 frees the key for a retry. If the process dies between the
write and keeping its answer, the claim expires after twice the write deadline.
"""

import hashlib
import logging
import re

from anyio import to_thread
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import error_answer
from app.api.ratelimit import client_address, presented_key
from app.errors import GraphError, InvalidInput
from app.reads.idempotency import stored_answer
from app.writes.idempotency import claim, finish, release

log = logging.getLogger(__name__)
KEY = re.compile(r"^[\x21-\x7e]{1,255}$")
WRITES = {"POST", "PUT", "PATCH", "DELETE"}
NOT_KEPT = {401, 403, 429}


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def request_id(scope: Scope, headers: Headers, key: str) -> str:
    """Keys are the caller's own: the credential (or address), method and path go in too."""
    caller = presented_key(headers) or "ip:" + client_address(scope)
    return _digest(caller, scope["method"], scope["path"], key)


async def _body(receive: Receive) -> bytes:
    """The body the request-body middleware already read whole, bounded."""
    chunks, more = [], True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    return b"".join(chunks)




class Idempotency:
    def __init__(self, app: ASGIApp, stale_seconds: float) -> None:
        self.app = app
        self.stale_seconds = stale_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope) if scope["type"] == "http" else None
        key = headers.get("idempotency-key") if headers is not None else None
        if headers is None or key is None or scope["method"] not in WRITES:
            await self.app(scope, receive, send)
            return
        if not KEY.match(key):
            error = InvalidInput("header Idempotency-Key: 1 to 255 printable ASCII characters")
            await error_answer(error)(scope, receive, send)
            return
        body = await _body(receive)
        ident, body_hash = request_id(scope, headers, key), _digest(body)
        try:
            earlier = await self._claim(scope, ident, body_hash)
        except GraphError as error:
            await error_answer(error)(scope, receive, send)
            return
        if earlier is not None:
            await earlier(scope, receive, send)
            return
        await self._run(scope, body, send, ident)

    async def _claim(self, scope: Scope, ident: str, body_hash: str) -> Response | None:
        """The stored answer to replay, or None once this request holds the key."""
        state = scope["app"].state
        earlier = await state.async_graph.run(stored_answer(ident))
        if earlier is not None:
            if earlier["body_hash"] != body_hash:
                raise InvalidInput("this Idempotency-Key was used with another body; use a new key")
            if earlier["status"] is None:
                await to_thread.run_sync(claim, state.graph, ident, body_hash, self.stale_seconds)
                return None  # a stale claim, expired and taken over
            return Response(earlier["body"], status_code=earlier["status"],
                            media_type=earlier["content_type"] or None,
                            headers={"Idempotent-Replayed": "true"})
        await to_thread.run_sync(claim, state.graph, ident, body_hash, self.stale_seconds)
        return None

    async def _run(self, scope: Scope, body: bytes, send: Send, ident: str) -> None:
        status, content_type, chunks = 0, "", []
        sent = False

        async def receive() -> Message:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def capture(message: Message) -> None:
            nonlocal status, content_type
            if message["type"] == "http.response.start":
                status = message["status"]
                content_type = Headers(raw=message.get("headers", [])).get("content-type", "")
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            await self._keep(scope, ident, status, content_type, b"".join(chunks))

    @staticmethod
    async def _keep(scope: Scope, ident: str, status: int, content_type: str, body: bytes) -> None:
        graph = scope["app"].state.graph
        try:
            if 0 < status < 500 and status not in NOT_KEPT:
                await to_thread.run_sync(finish, graph, ident, status, content_type,
                                         body.decode("utf-8", "replace"))
            else:
                await to_thread.run_sync(release, graph, ident)
        except GraphError as error:  # the answer went out; only its replay is lost
            log.warning("Idempotency-Key answer not kept: %s", error.message)
