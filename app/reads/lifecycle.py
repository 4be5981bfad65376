"""An agreement's or policy's status, derived from its cited lifecycle as of a day.

A stage dated after the day has not happened yet and is left out. Of the others, the
latest is the status: dated stages by their day, an undated stage counts as earlier than
any dated one, and stages on the same footing go by the usual order (announced, signed,
in force, suspended, ended). "funded" is a step, not a state, so it never is the status.
"""

from datetime import UTC, date, datetime
from typing import Any

from app.schema.loader import LIFECYCLE_STAGES

RANK = {stage: i for i, stage in enumerate(LIFECYCLE_STAGES)}
NOT_A_STATE = frozenset({"funded"})


def today() -> date:
    return datetime.now(UTC).date()


def stages_by(lifecycle: list[dict[str, Any]], as_of: date | None) -> list[dict[str, Any]]:
    """The stages that had happened by `as_of` (undated ones kept), in the order they came."""
    day = (as_of or today()).isoformat()
    kept = [s for s in lifecycle if s.get("date") is None or str(s["date"]) <= day]
    return sorted(kept, key=lambda s: (str(s.get("date") or ""), RANK[s["stage"]]))


def status_on(lifecycle: list[dict[str, Any]], as_of: date | None) -> str | None:
    states = [s["stage"] for s in stages_by(lifecycle, as_of) if s["stage"] not in NOT_A_STATE]
    return states[-1] if states else None


def with_status(entity: dict[str, Any], as_of: date | None) -> dict[str, Any]:
    """Decoded entity data (`decode_entity`) with its lifecycle cut at `as_of` and its status."""
    stages = stages_by(entity["lifecycle"], as_of)
    return {**entity, "lifecycle": stages, "status": status_on(stages, as_of)}
