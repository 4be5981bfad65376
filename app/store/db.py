"""The Neo4j backend: reads routed as read transactions, driver failures mapped to
domain errors so a dead database becomes a 503, never a 500.

The Python driver comes as a sync and an async driver. `Graph` (sync) serves the CLI,
write transactions and streamed exports in worker threads. `AsyncGraph` serves the
hot read endpoints on the event loop, which saves a thread hop per request. Each is
one pooled driver per process, opened and closed by the API's lifespan.

Read functions that both use are written once as a `Plan`: a generator that yields
`(query, params)` steps and receives each step's rows, so it does no I/O itself and
either graph can `run` it.

Reads run as auto-commit transactions in a READ session (routed to a follower on a
cluster). A managed transaction (`execute_query`, `execute_read`) costs a BEGIN and a
COMMIT round trip more (bench/README.md has the measured share of an entity read).
What it adds, retries, matters for writes; a read that fails on a stale routing table
or a leader switch is retried once here, and anything else is a 503 the client may
retry. Every session and `execute_query` of a process, sync or async, read or write,
shares one bookmark manager, so on a cluster a read sees the writes this API process
committed before it (read-your-writes), and on one server costs nothing.
"""

import asyncio
import logging
from collections.abc import Callable, Coroutine, Generator, Sequence
from typing import Any, LiteralString, TypeVar

from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    Driver,
    GraphDatabase,
    ManagedTransaction,
    NotificationMinimumSeverity,
    Query,
    Record,
    RoutingControl,
    Session,
    basic_auth,
    unit_of_work,
)
from neo4j.api import BookmarkManager
from neo4j.exceptions import (
    SessionExpired,
)

from app.settings import Settings
from app.store.deadline import Deadlines, too_slow
from app.store.failures import translate_errors

log = logging.getLogger(__name__)
T = TypeVar("T")
Row = dict[str, Any]
Step = tuple[LiteralString, dict[str, Any]]
Plan = Generator[Step, list[Row], T]


def step(query: LiteralString, **params: Any) -> Step:
    """One read of a `Plan`: `rows = yield step(load("q"), id=...)`."""
    return query, params


def driver_options(settings: Settings) -> dict[str, Any]:
    auth = None
    if settings.neo4j_password is not None:
        auth = basic_auth(settings.neo4j_user, settings.neo4j_password.get_secret_value())
    return {
        "auth": auth,
        "connection_timeout": settings.neo4j_connect_timeout_seconds,
        # Fail fast when the server is gone instead of retrying for 30 s.
        "max_transaction_retry_time": 5.0,
        "connection_acquisition_timeout": settings.neo4j_connect_timeout_seconds * 2,
        # Planner hints about unused property keys are noise in the logs.
        "notifications_min_severity": NotificationMinimumSeverity.OFF,
    }


def create_driver(settings: Settings) -> Driver:
    return GraphDatabase.driver(settings.effective_uri, **driver_options(settings))


# A read that meets a stale routing table (a follower gone, a leader switched) can
# succeed at once on the refreshed one; execute_query would retry it for us.
RETRY_ONCE = (SessionExpired,)


def rows(keys: Sequence[str], records: list[Record]) -> list[Row]:
    """Records as dicts, shallowly. Our queries return maps, lists and scalars, never
    nodes or paths, so `Record.data()`'s deep walk over every value is wasted work (a
    measurable share of a two-hop neighbors request, bench/README.md)."""
    return [dict(zip(keys, record, strict=True)) for record in records]


class Graph:
    """Query functions' gateway to Neo4j. Thread-safe: the driver pools sessions. Every call
    has a client-side deadline (app.store.deadline); `timeout` caps the server-side one."""

    def __init__(self, driver: Driver, database: str, timeout: float,
                 bookmarks: BookmarkManager | None = None, read_deadline: float = 5.0,
                 write_deadline: float = 15.0) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.bookmarks = bookmarks or GraphDatabase.bookmark_manager()
        self.read_deadline, self.write_deadline = read_deadline, write_deadline
        self.deadlines = Deadlines()

    def _server_timeout(self, deadline: float) -> float:
        return min(self.timeout, deadline)

    def read(self, query: LiteralString, **params: Any) -> list[Row]:
        return self.deadlines.call(self.read_deadline, lambda: self._read(query, params))

    def _read(self, query: LiteralString, params: dict[str, Any]) -> list[Row]:
        with translate_errors():
            try:
                return self._auto_commit_read(query, params)
            except RETRY_ONCE:
                return self._auto_commit_read(query, params)

    def _auto_commit_read(self, query: LiteralString, params: dict[str, Any]) -> list[Row]:
        with self.driver.session(database=self.database, default_access_mode=READ_ACCESS,
                                 bookmark_manager=self.bookmarks) as session:
            result = session.run(Query(query, timeout=self._server_timeout(self.read_deadline)),
                                 params)
            keys = result.keys()
            return rows(keys, list(result))

    def write(self, query: LiteralString, **params: Any) -> list[Row]:
        return self.deadlines.call(self.write_deadline, lambda: self._write(query, params))

    def _write(self, query: LiteralString, params: dict[str, Any]) -> list[Row]:
        with translate_errors():
            records, _, keys = self.driver.execute_query(
                Query(query, timeout=self._server_timeout(self.write_deadline)),
                params,
                routing_=RoutingControl.WRITE,
                database_=self.database,
                bookmark_manager_=self.bookmarks,
            )
        return rows(keys, records)

    def write_transaction(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run `work` in one managed write transaction: all of it commits, or none, and
        nothing commits after the caller was told the deadline passed."""

        def run(guarded: Callable[[ManagedTransaction], T]) -> T:
            timed = unit_of_work(timeout=self._server_timeout(self.write_deadline))(guarded)
            with translate_errors(), self.session() as session:
                return session.execute_write(timed)

        return self.deadlines.transaction(self.write_deadline, run, work)

    def session(self) -> Session:
        return self.driver.session(database=self.database, bookmark_manager=self.bookmarks)

    def run(self, plan: Plan[T]) -> T:
        """Run a read plan, feeding each step its rows."""
        try:
            query, params = next(plan)
            while True:
                query, params = plan.send(self.read(query, **params))
        except StopIteration as done:
            result: T = done.value
            return result

    def ping(self) -> None:
        def verify() -> None:
            with translate_errors():
                self.driver.verify_connectivity()

        self.deadlines.call(self.read_deadline, verify)

    def close(self) -> None:
        self.deadlines.close()
        self.driver.close()


class AsyncGraph:
    """The async twin of `Graph` for reads on the event loop. A plan, with every read it
    makes, finishes within `read_deadline` (connection, queries, result streams) or is
    cancelled with `QueryTimeout`."""

    def __init__(self, driver: AsyncDriver, database: str, timeout: float,
                 bookmarks: BookmarkManager | None = None, read_deadline: float = 5.0) -> None:
        self.driver = driver
        self.database = database
        self.timeout = min(timeout, read_deadline)
        # The async driver takes a sync bookmark manager too, so both drivers can share one.
        self.bookmarks = bookmarks or GraphDatabase.bookmark_manager()
        self.read_deadline = read_deadline

    async def read(self, query: LiteralString, **params: Any) -> list[Row]:
        return await self.bounded(self._read(query, params), self.read_deadline)

    @staticmethod
    async def bounded(work: Coroutine[Any, Any, T], seconds: float) -> T:
        try:
            async with asyncio.timeout(seconds):
                return await work
        except TimeoutError:
            raise too_slow(seconds) from None

    async def _read(self, query: LiteralString, params: dict[str, Any]) -> list[Row]:
        with translate_errors():
            try:
                return await self._auto_commit_read(query, params)
            except RETRY_ONCE:
                return await self._auto_commit_read(query, params)

    async def _auto_commit_read(self, query: LiteralString, params: dict[str, Any]) -> list[Row]:
        async with self.driver.session(
                database=self.database, default_access_mode=READ_ACCESS,
                bookmark_manager=self.bookmarks) as session:
            result = await session.run(Query(query, timeout=self.timeout), params)
            keys = result.keys()
            return rows(keys, [record async for record in result])

    async def run(self, plan: Plan[T], deadline: float | None = None) -> T:
        """Run a read plan; all of it within `deadline` (the read deadline by default)."""
        return await self.bounded(self._run(plan), deadline or self.read_deadline)

    async def _run(self, plan: Plan[T]) -> T:
        try:
            query, params = next(plan)
            while True:
                query, params = plan.send(await self._read(query, params))
        except StopIteration as done:
            result: T = done.value
            return result

    async def ping(self) -> None:
        async def verify() -> None:
            with translate_errors():
                await self.driver.verify_connectivity()

        await self.bounded(verify(), self.read_deadline)

    async def close(self) -> None:
        await self.driver.close()


def open_graph(settings: Settings, bookmarks: BookmarkManager | None = None) -> Graph:
    driver = create_driver(settings)
    return Graph(driver, settings.neo4j_database, settings.neo4j_query_timeout_seconds, bookmarks,
                 settings.neo4j_read_timeout_seconds, settings.neo4j_write_timeout_seconds)


def open_async_graph(settings: Settings, bookmarks: BookmarkManager | None = None) -> AsyncGraph:
    driver = AsyncGraphDatabase.driver(settings.effective_uri, **driver_options(settings))
    return AsyncGraph(driver, settings.neo4j_database, settings.neo4j_query_timeout_seconds,
                      bookmarks, settings.neo4j_read_timeout_seconds)
