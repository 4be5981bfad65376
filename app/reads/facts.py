"""One fact (a relationship) by its id, as recorded at a moment."""

from datetime import datetime
from typing import Any

from app.errors import NotFound
from app.model.params import FAR_FUTURE
from app.model.responses import FactDetail
from app.reads.history import revert
from app.store.codec import decode_relationship
from app.store.cypher import load
from app.store.db import Plan, step


def get_fact_row(fact_id: str, t: datetime = FAR_FUTURE) -> Plan[dict[str, Any]]:
    """The stored row {props, type, subject, object}, reverted to record time `t`."""
    subject = fact_id.split("--", 1)[0]
    rows = yield step(load("fact_get"), id=fact_id, **{"from": subject}, t=t)
    if not rows:
        rows = yield step(load("fact_scan"), id=fact_id, t=t)
    if not rows:
        raise NotFound(f"no fact with id {fact_id!r}", id=fact_id)
    yield from revert(t, [rows[0]["props"]])
    return rows[0]


def get_fact(fact_id: str, t: datetime = FAR_FUTURE) -> Plan[FactDetail]:
    row = yield from get_fact_row(fact_id, t)
    return FactDetail.model_validate({**decode_relationship(row["props"]), "type": row["type"],
                                   "from": row["subject"], "to": row["object"]})
