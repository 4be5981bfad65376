"""Cross-cutting HTTP concerns: request ids and access logs, body limits, security
headers, CORS, and the rate limit (app.api.ratelimit), in the order they wrap the app."""

import logging
import re
import time
import uuid

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.body import RequestBody
from app.api.head import HeadAsGet
from app.api.idempotency import Idempotency
from app.api.problems import problem
from app.api.ratelimit import RateLimit, RateLimitMiddleware, VerifiedKeys
from app.settings import Settings

access_log = logging.getLogger("app.access")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
HTML_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; "
    "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# Swagger UI's page boots with one inline script.
DOCS_CSP = HTML_HEADERS["Content-Security-Policy"].replace("script-src 'self'",
                                                           "script-src 'self' 'unsafe-inline'")


class RequestContext:
    """Give every request an id (echoed as X-Request-ID), log it once, and add headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started, status = time.perf_counter(), 500
        response_started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                extra = [(b"x-request-id", request_id.encode()), (b"x-content-type-options", b"nosniff")]
                content_type = dict(message.get("headers") or []).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    policy = dict(HTML_HEADERS)
                    if scope["path"] == "/docs":
                        policy["Content-Security-Policy"] = DOCS_CSP
                    extra += [(k.lower().encode(), v.encode()) for k, v in policy.items()]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Log the trace with the request id; the client gets neither trace nor internals.
            logging.getLogger("app").exception("unhandled error", extra={"fields": {
                "request_id": request_id, "method": scope["method"], "path": scope["path"]}})
            if response_started:
                raise
            response = problem(500, "internal error", f"see the server log, request id {request_id}")
            await response(scope, receive, send_with_headers)
        finally:
            state = scope.get("state", {})
            access_log.info("request", extra={"fields": {
                "request_id": request_id, "method": scope["method"], "path": scope["path"],
                "status": status, "ms": round((time.perf_counter() - started) * 1000, 1),
                "key_id": state.get("key_id"),
            }})


def install(app: FastAPI, settings: Settings) -> None:
    """The last added wraps the others: request ids and logs outermost, then CORS (so a 429
    or a 413 carries its headers too), the rate limit (before any body is read), the
    request body (its size and, for JSON, its text), then Idempotency-Key, and HEAD
    answered as GET next to the routes."""
    app.state.rate_limit = RateLimit(settings.rate_limit)
    app.state.auth_failures = RateLimit(settings.auth_failure_limit)
    app.state.verified_keys = VerifiedKeys()
    app.add_middleware(HeadAsGet)
    app.add_middleware(Idempotency, stale_seconds=2 * settings.neo4j_write_timeout_seconds)
    app.add_middleware(RequestBody, limit=settings.max_body_bytes)
    app.add_middleware(RateLimitMiddleware, limit=app.state.rate_limit,
                       verified=app.state.verified_keys, failures=app.state.auth_failures)
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                       allow_methods=["GET", "HEAD", "OPTIONS", "POST"],  # POST: reconcile batches
                       allow_headers=["Authorization", "X-API-Key", "Content-Type", "Accept"],
                       expose_headers=["X-Request-ID"])
    app.add_middleware(RequestContext)
