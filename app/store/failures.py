"""Driver failures as domain errors with an HTTP status: a dead or busy database is a 503
that names no address, a constraint violation a 409, a parameter Neo4j refuses a 422."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from neo4j.exceptions import (
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from app.errors import Conflict, DatabaseUnavailable, InvalidInput, QueryTimeout

log = logging.getLogger(__name__)
UNREACHABLE = "Neo4j is unreachable right now; try again shortly"
BUSY = "Neo4j could not run the query now; try again shortly"


def _unavailable(message: str, exc: BaseException) -> DatabaseUnavailable:
    """A 503 whose answer names no address or errno; the log keeps the driver's words."""
    log.warning("%s: %s: %s", message, type(exc).__name__, exc)
    return DatabaseUnavailable(message)


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn driver exceptions into domain errors with an HTTP status."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as exc:
        raise _unavailable(UNREACHABLE, exc) from exc
    except ClientError as exc:
        code = exc.code or ""
        if not code:  # raised by the driver itself, e.g. no pooled connection in time
            raise _unavailable(UNREACHABLE, exc) from exc
        if "TransactionTimedOut" in code or "Transaction.Terminated" in code:
            raise QueryTimeout(
                "the query took longer than the server-side timeout; narrow the request"
            ) from exc
        if code == "Neo.ClientError.Schema.ConstraintValidationFailed":
            raise Conflict("the record exists already (a uniqueness constraint)") from exc
        if code.startswith("Neo.ClientError.Statement.ArgumentError") or "TypeError" in code:
            raise InvalidInput(f"the database rejected a parameter: {exc.message}") from exc
        raise
    except TransientError as exc:
        if "TransactionTimedOut" in (exc.code or ""):
            raise QueryTimeout("the query took longer than the server-side timeout") from exc
        raise _unavailable(BUSY, exc) from exc
    except Neo4jError:
        raise
    except (DriverError, OSError) as exc:
        raise _unavailable(UNREACHABLE, exc) from exc
    except (ValueError, OverflowError) as exc:
        # The driver refuses to encode a parameter (e.g. an out-of-range temporal value).
        raise InvalidInput(f"a parameter cannot be sent to Neo4j: {exc}") from exc
