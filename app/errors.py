"""Domain errors. Each carries its HTTP status; `app.main` maps them in one table."""

from typing import Any


class GraphError(Exception):
    status_code = 500
    title = "internal error"

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


class QueryTimeout(GraphError):
    status_code = 503
    title = "query timed out"


class SeedError(GraphError):
    """A seed or import record failed validation; nothing was written."""

    status_code = 422
    title = "invalid records"

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} invalid record(s):\n" + "\n".join(problems))
        self.problems = problems


class Moved(GraphError):
    """The id was merged into another entity: its URLs redirect there."""

    status_code = 308
    title = "moved"


class Conflict(GraphError):
    status_code = 409
    title = "conflict"


class Unauthorized(GraphError):
    status_code = 401
    title = "unauthorized"


class Forbidden(GraphError):
    status_code = 403
    title = "forbidden"
