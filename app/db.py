"""The Neo4j backend: one driver per process, reads routed as read transactions.

`Graph` is what routers receive (through `GraphDep`); it maps driver failures to
domain errors so a dead database becomes a 503, never a 500.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, LiteralString, TypeVar

from neo4j import (
    Driver,
    GraphDatabase,
    ManagedTransaction,
    NotificationMinimumSeverity,
    Query,
    RoutingControl,
    basic_auth,
)
from neo4j.exceptions import (
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from app.errors import DatabaseUnavailable, InvalidInput, QueryTimeout
from app.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
Row = dict[str, Any]


def create_driver(settings: Settings) -> Driver:
    auth = None
    if settings.neo4j_password is not None:
        auth = basic_auth(settings.neo4j_user, settings.neo4j_password.get_secret_value())
    return GraphDatabase.driver(
        settings.effective_uri,
        auth=auth,
        connection_timeout=settings.neo4j_connect_timeout_seconds,
        # Fail fast when the server is gone instead of retrying for 30 s.
        max_transaction_retry_time=5.0,
        connection_acquisition_timeout=settings.neo4j_connect_timeout_seconds * 2,
        # Planner hints about unused property keys are noise in the logs.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn driver exceptions into domain errors with an HTTP status."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable(f"Neo4j is unreachable: {exc}") from exc
    except ClientError as exc:
        code = exc.code or ""
        if "TransactionTimedOut" in code or "Transaction.Terminated" in code:
            raise QueryTimeout(
                "the query took longer than the server-side timeout; narrow the request"
            ) from exc
        if code.startswith("Neo.ClientError.Statement.ArgumentError") or "TypeError" in code:
            raise InvalidInput(f"the database rejected a parameter: {exc.message}") from exc
        raise
    except TransientError as exc:
        if "TransactionTimedOut" in (exc.code or ""):
            raise QueryTimeout("the query took longer than the server-side timeout") from exc
        raise DatabaseUnavailable(f"Neo4j could not run the query now: {exc.message}") from exc
    except Neo4jError:
        raise
    except DriverError as exc:
        raise DatabaseUnavailable(f"Neo4j driver error: {exc}") from exc
    except OSError as exc:
        raise DatabaseUnavailable(f"Neo4j connection failed: {exc}") from exc
    except (ValueError, OverflowError) as exc:
        # The driver refuses to encode a parameter (e.g. an out-of-range temporal value).
        raise InvalidInput(f"a parameter cannot be sent to Neo4j: {exc}") from exc


class Graph:
    """Query functions' gateway to Neo4j. Thread-safe: the driver pools sessions."""

    def __init__(self, driver: Driver, database: str, timeout: float) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout

    def read(self, query: LiteralString, **params: Any) -> list[Row]:
        return self._run(query, params, RoutingControl.READ)

    def write(self, query: LiteralString, **params: Any) -> list[Row]:
        return self._run(query, params, RoutingControl.WRITE)

    def _run(self, query: LiteralString, params: dict[str, Any], route: RoutingControl) -> list[Row]:
        with translate_errors():
            records, _, _ = self.driver.execute_query(
                Query(query, timeout=self.timeout),
                params,
                routing_=route,
                database_=self.database,
            )
        return [record.data() for record in records]

    def write_transaction(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run `work` in one managed write transaction: all of it commits, or none."""
        with translate_errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def read_transaction(self, work: Callable[[ManagedTransaction], T]) -> T:
        with translate_errors(), self.driver.session(database=self.database) as session:
            return session.execute_read(work)

    def ping(self) -> None:
        with translate_errors():
            self.driver.verify_connectivity()

    def close(self) -> None:
        self.driver.close()


def open_graph(settings: Settings) -> Graph:
    driver = create_driver(settings)
    return Graph(driver, settings.neo4j_database, settings.neo4j_query_timeout_seconds)
