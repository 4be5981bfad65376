"""Per-key rate limits as a pure ASGI middleware, so every route, present or added later,
spends from the caller's budget."""

import hashlib
import time

from limits import parse
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send


def rate_key(scope: Scope) -> str:
    """Per key (hashed, so ids cannot be spoofed to spend another key's budget), else per address."""
    headers = Headers(scope=scope)
    presented = headers.get("authorization", "").removeprefix("Bearer ").strip() \
        or headers.get("x-api-key", "")
    if presented:
        return "key:" + hashlib.sha256(presented.encode()).hexdigest()[:24]
    client = scope.get("client")
    return "ip:" + (client[0] if client else "unknown")


class RateLimit:
    """At most `amount` requests per period for each key, in bursts of up to `amount`.

    The generic cell rate algorithm: one float per key (when its budget is whole again),
    O(1) per request, no threads. `limits` parses the spec; its in-memory storage is not
    used because it starts a timer thread to expire entries and inserts each hit at the
    head of a list, which costs more than the request it guards (bench/README.md). Only
    the event loop calls `allow`.
    """

    PRUNE_AT = 10_000  # keys kept before those with a whole budget are dropped

    def __init__(self, spec: str) -> None:
        item = parse(spec)
        self.spec = spec
        self.period = float(item.get_expiry())
        self.interval = self.period / item.amount
        self.full_at: dict[str, float] = {}
        self.prune_at = self.PRUNE_AT

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        full_at = max(self.full_at.get(key, now), now) + self.interval
        if full_at - now > self.period:
            return False
        self.full_at[key] = full_at
        if len(self.full_at) > self.prune_at:
            self.full_at = {k: v for k, v in self.full_at.items() if v > now}
            # Many keys still spending: prune again only after as many new ones, so a
            # crowd of callers costs O(1) per request on average, not a rebuild each.
            self.prune_at = max(self.PRUNE_AT, 2 * len(self.full_at))
        return True


class RateLimitMiddleware:
    """A 429 before any routing, for every HTTP request over the caller's budget."""

    def __init__(self, app: ASGIApp, limit: RateLimit) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.limit.allow(rate_key(scope)):
            response = JSONResponse(status_code=429, content={
                "error": "too many requests",
                "detail": f"rate limit of {self.limit.spec} exceeded; slow down and retry"})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
