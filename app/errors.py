"""Domain errors. Each carries its HTTP status; `app.main` maps them in one table."""

from typing import Any


class GraphError(Exception):
    status_code = 500
    title = "internal error"
    # Seconds after which a retry may succeed (sent as Retry-After), where one may.
    retry_after: int | None = None

    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class NotFound(GraphError):
    status_code = 404
    title = "not found"


class InvalidInput(GraphError):
    status_code = 422
    title = "invalid input"


class DatabaseUnavailable(GraphError):
    status_code = 503
    title = "database unavailable"
    retry_after = 5


class QueryTimeout(GraphError):
    status_code = 503
    title = "query timed out"
    retry_after = 5


class SeedError(GraphError):
    """A seed or import record failed validation; nothing was written."""

    status_code = 422
    title = "invalid records"

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} invalid record(s):\n" + "\n".join(problems))
        self.problems = problems


class BadRequest(GraphError):
    """A request that cannot be read at all, e.g. a reconciliation batch that is not JSON."""

    status_code = 400
    title = "bad request"


class PayloadTooLarge(GraphError):
    status_code = 413
    title = "request too large"


class Moved(GraphError):
    """Ids merged into other entities (`moved`: old id -> surviving id): the request's URL
    with each old id replaced redirects there."""

    status_code = 308
    title = "moved"

    def __init__(self, moved: dict[str, str]) -> None:
        names = ", ".join(f"{old!r} was merged into {new!r}" for old, new in moved.items())
        super().__init__(names, moved=moved)
        self.moved = moved


class Conflict(GraphError):
    status_code = 409
    title = "conflict"


class Unauthorized(GraphError):
    status_code = 401
    title = "unauthorized"


class TooManyRequests(GraphError):
    status_code = 429
    title = "too many requests"
    retry_after = 60


class Forbidden(GraphError):
    status_code = 403
    title = "forbidden"
