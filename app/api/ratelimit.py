"""Per-key rate limits as a pure ASGI middleware, so every route, present or added later,
spends from the caller's budget."""

import hashlib
import math
import time

from limits import parse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.problems import problem
from app.errors import GraphError, Unauthorized
from app.reads.keys import verify


def presented_key(headers: Headers) -> str | None:
    """The API key a request presents (Bearer or X-API-Key), unverified."""
    bearer = headers.get("authorization", "")
    if bearer[:7].lower() == "bearer ":
        return bearer[7:].strip() or None
    return headers.get("x-api-key") or None


def client_address(scope: Scope) -> str:
    """The peer's address; uvicorn puts a trusted proxy's X-Forwarded-For here, no other."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class VerifiedKeys:
    """Keys that verified recently (by digest, never the secret), with their key id. A
    request is bucketed by key id only once its key has proved good; anything else (no key,
    a bogus key, Basic credentials) spends from its address's budget."""

    TTL_SECONDS = 300.0
    MAX = 10_000

    def __init__(self) -> None:
        self.ids: dict[str, tuple[str, float]] = {}

    @staticmethod
    def _digest(presented: str) -> str:
        return hashlib.sha256(presented.encode()).hexdigest()

    def key_id(self, presented: str) -> str | None:
        found = self.ids.get(self._digest(presented))
        return found[0] if found and found[1] > time.monotonic() else None

    def remember(self, presented: str, key_id: str) -> None:
        if len(self.ids) >= self.MAX:
            now = time.monotonic()
            self.ids = {k: v for k, v in self.ids.items() if v[1] > now}
        self.ids[self._digest(presented)] = (key_id, time.monotonic() + self.TTL_SECONDS)

    def forget(self, presented: str) -> None:
        self.ids.pop(self._digest(presented), None)


def address_key(scope: Scope) -> str:
    return "ip:" + client_address(scope)


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

    def wait(self, key: str) -> float:
        """Seconds until `key` may spend again (0 when it may now)."""
        now = time.monotonic()
        full_at = max(self.full_at.get(key, now), now) + self.interval
        return max(0.0, full_at - now - self.period)

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
    """A 429 before any routing, for every HTTP request over its bucket's budget. The bucket
    is the verified key's id, else the client's address. A key presented when its address is
    spent is verified here (at most `auth_failures` bad ones per address), so a real key
    still gets its own budget and a made-up one gains nothing."""

    def __init__(self, app: ASGIApp, limit: RateLimit, verified: VerifiedKeys,
                 failures: RateLimit) -> None:
        self.app = app
        self.limit = limit
        self.verified = verified
        self.failures = failures

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            key = await self.bucket(scope)
            if not self.limit.allow(key):
                retry = math.ceil(self.limit.wait(key)) or 1
                response = problem(429, "too many requests",
                                   f"rate limit of {self.limit.spec} exceeded; slow down and retry",
                                   {"Retry-After": str(retry)})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def bucket(self, scope: Scope) -> str:
        presented, address = presented_key(Headers(scope=scope)), address_key(scope)
        if presented is None:
            return address
        if key_id := self.verified.key_id(presented):
            return f"key:{key_id}"
        if self.limit.wait(address) == 0 or self.failures.wait(address) > 0:
            return address  # the address pays; no database read
        try:
            found = await scope["app"].state.async_graph.run(verify(presented))
        except Unauthorized:
            self.failures.allow(address)
            return address
        except GraphError:
            return address
        self.verified.remember(presented, found.key_id)
        return f"key:{found.key_id}"
