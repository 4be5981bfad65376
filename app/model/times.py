"""Instants as the graph stores them: in UTC, so Neo4j never meets an offset it refuses."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator


def to_utc(value: datetime | None) -> datetime | None:
    """A naive value is taken as UTC; an aware one is converted (Neo4j refuses offsets
    beyond 18 hours, which ISO 8601 allows)."""
    if value is None:
        return None
    try:
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    except OverflowError:
        raise ValueError("the instant is out of range") from None


UtcDateTime = Annotated[datetime, AfterValidator(to_utc)]
