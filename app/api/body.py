"""What a request body may be: at most `limit` bytes, declared or streamed (a 413 on every
route), and, for JSON, text Neo4j and our answers can carry: no lone surrogates, no
non-finite numbers, no nesting deeper than `MAX_DEPTH` (a 422 naming the field).

The body is read here once, before any route, then handed on unchanged."""

import json
import math
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import problem

MAX_DEPTH = 32


class BodyTooLarge(Exception):
    pass


class ClientGone(Exception):
    """The client left (or was cut off) before its body arrived: there is no request."""


class BadJson(ValueError):
    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"{where}: {why}")


def _reject_constant(name: str) -> None:
    raise BadJson("body", f"{name} is not a number JSON allows")


def _check_text(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadJson(where, "holds a lone surrogate (\\ud800-\\udfff), which is not text") from None


def check_json(value: Any) -> None:
    """Walk the parsed body without recursion; raise `BadJson` naming the first bad field."""
    stack: list[tuple[Any, str, int]] = [(value, "body", 0)]
    while stack:
        item, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadJson(where, f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(item, str):
            _check_text(item, where)
        elif isinstance(item, float) and not math.isfinite(item):
            raise BadJson(where, "is not a finite number")
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key, where)
                stack.append((child, f"{where}.{key}", depth + 1))
        elif isinstance(item, list):
            stack.extend((child, f"{where}.{i}", depth + 1) for i, child in enumerate(item))


def json_problem(body: bytes) -> str | None:
    """Why the JSON body cannot be taken, or None (malformed JSON is the route's to report)."""
    try:
        check_json(json.loads(body, parse_constant=_reject_constant))
    except BadJson as exc:
        return str(exc)
    except (ValueError, RecursionError):
        return None if _shallow(body) else f"body: nested deeper than {MAX_DEPTH} levels"
    return None


def _shallow(body: bytes) -> bool:
    """Whether the text nests at most MAX_DEPTH brackets: a crude bound, but it never recurses."""
    depth = peak = 0
    for byte in body:
        if byte in b"[{":
            depth += 1
            peak = max(peak, depth)
        elif byte in b"]}":
            depth -= 1
    return peak <= MAX_DEPTH


class RequestBody:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._answer(scope, receive, send, 413, "request too large",
                               f"bodies are limited to {self.limit} bytes")
            return
        try:
            body = await self._read(receive)
        except ClientGone:
            return
        except BodyTooLarge:
            await self._answer(scope, receive, send, 413, "request too large",
                               f"bodies are limited to {self.limit} bytes")
            return
        if b"json" in headers.get(b"content-type", b"json") and (wrong := json_problem(body)):
            await self._answer(scope, receive, send, 422, "invalid input", wrong)
            return
        await self.app(scope, self._replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes:
        chunks, seen, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                raise ClientGone
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                raise BodyTooLarge
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    @staticmethod
    def _replay(body: bytes, receive: Receive) -> Receive:
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: a disconnect, when it comes

        return replay

    @staticmethod
    async def _answer(scope: Scope, receive: Receive, send: Send, status: int, error: str,
                      detail: str) -> None:
        await problem(status, error, detail)(scope, receive, send)
