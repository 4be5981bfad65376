"""Idempotency-Key claims on the write path: claim before a write, then keep its answer."""

from app.errors import Conflict
from app.store.cypher import load
from app.store.db import Graph


def claim(graph: Graph, ident: str, body_hash: str, stale_seconds: float) -> None:
    """Claim the key for one request; `Conflict` if another holds it now."""
    try:
        graph.write(load("idempotency_claim"), id=ident, body_hash=body_hash,
                    stale_seconds=int(stale_seconds) + 1)
    except Conflict:
        raise Conflict("a request with this Idempotency-Key is in progress; retry shortly") from None


def finish(graph: Graph, ident: str, status: int, content_type: str, body: str) -> None:
    graph.write(load("idempotency_finish"), id=ident, status=status, content_type=content_type,
                body=body)


def release(graph: Graph, ident: str) -> None:
    graph.write(load("idempotency_release"), id=ident)
