"""Client-side deadlines for the sync driver, which cannot be cancelled from outside.

A call runs in a worker thread and the caller waits at most its deadline: past it, the
caller gets `QueryTimeout` (a 503 with Retry-After) at once, even if Neo4j is frozen and
never answers. A write transaction that ran out of time is marked abandoned, so if the
server does answer later, the transaction function raises instead of returning and the
driver rolls it back rather than committing. Its server-side timeout is never longer than
the deadline either, so a server that wakes up terminates it too.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

from neo4j import ManagedTransaction

from app.errors import QueryTimeout
from app.memory import release_memory_soon

T = TypeVar("T")


class Abandoned(Exception):
    """The caller stopped waiting: this transaction must not commit."""


def too_slow(seconds: float) -> QueryTimeout:
    return QueryTimeout(f"Neo4j did not answer within {seconds:g} s; try again shortly")


class Deadlines:
    """One pool of worker threads for a graph's blocking calls."""

    def __init__(self, workers: int = 64) -> None:
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="neo4j-call")

    def call(self, seconds: float, fn: Callable[[], T]) -> T:
        future = self.pool.submit(fn)
        try:
            return future.result(timeout=seconds)
        except FutureTimeout:
            future.cancel()  # still queued behind stuck calls: it never starts
            raise too_slow(seconds) from None

    def transaction(self, seconds: float, run: Callable[[Callable[[ManagedTransaction], T]], T],
                    work: Callable[[ManagedTransaction], T]) -> T:
        """`run(guarded)` within `seconds`; `guarded` is `work` that refuses to commit late."""
        abandoned = threading.Event()

        def guarded(tx: ManagedTransaction) -> T:
            result = work(tx)
            if abandoned.is_set():
                raise Abandoned
            return result

        def run_guarded() -> T:
            try:
                return run(guarded)
            finally:
                if abandoned.is_set():  # no request is left to give its memory back
                    release_memory_soon()

        try:
            return self.call(seconds, run_guarded)
        except QueryTimeout:
            abandoned.set()
            raise

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
