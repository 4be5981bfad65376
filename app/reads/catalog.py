"""Convenience reads: agreements, policies, and a source with every fact citing it."""

from datetime import date, datetime
from typing import Any

from app.errors import NotFound
from app.model.instruments import InstrumentOut
from app.model.params import FAR_FUTURE, InstrumentParams
from app.model.responses import SourceOut
from app.reads.entities import missing_entities, relationship_data
from app.reads.history import revert
from app.reads.lifecycle import with_status
from app.store.codec import decode_citations, decode_entity, plain
from app.store.cypher import load
from app.store.db import Plan, step

# Which list each (relationship type, direction seen from the instrument) fills.
ROLES = {
    ("PARTY_TO", "in"): "parties",
    ("SIGNED", "in"): "signatories",
    ("FUNDS", "in"): "funders",
    ("ISSUED", "in"): "issuers",
    ("INITIATED", "in"): "initiators",
    ("IMPLEMENTS", "in"): "implementers",
    ("AFFECTS", "out"): "affected",
}
FACT_LIMIT = 5000
MAX_INSTRUMENTS = 10_000


def instrument_data(props: dict[str, Any], rels: list[dict[str, Any]], countries: list[str],
                    as_of: date | None) -> dict[str, Any]:
    """An `InstrumentOut` in plain data: the entity shape, its relationships by role."""
    roles: dict[str, list[dict[str, Any]]] = {}
    for raw in rels:
        role = ROLES.get((raw["type"], raw["direction"]), "other")
        roles.setdefault(role, []).append(relationship_data(raw))
    return {**with_status(decode_entity(props), as_of), "countries": sorted(set(countries)), **roles}


def instruments(kind: str, params: InstrumentParams, status: str | None) -> Plan[list[InstrumentOut]]:
    """A page of agreements or policies. Status is derived (from the lifecycle as of
    `as_of`, values as recorded at `as_recorded`), so the filter and page come after."""
    if params.country:  # an unknown country is a 404 (a merged one redirects), not a 200 []
        known = yield step(load("entities_exist"), ids=[params.country], t=params.t)
        if not known[0]["found"]:
            yield from missing_entities([params.country], params.t)
    rows = yield step(load("instruments"), kind=kind, country=params.country, as_of=params.as_of,
                      t=params.t, limit=MAX_INSTRUMENTS, offset=0)
    yield from revert(params.t, [r["props"] for r in rows] + [x["props"] for r in rows for x in r["rels"]])
    answers = [instrument_data(r["props"], r["rels"], r["countries"], params.as_of) for r in rows]
    answers = [a for a in answers if status is None or a["status"] == status]
    return [InstrumentOut.model_validate(a) for a in answers[params.offset:params.offset + params.limit]]


def _citing(props: dict[str, Any], source_id: str) -> list[dict[str, Any]]:
    return [c for c in decode_citations(props) if c["source"] == source_id]


def get_source(source_id: str, t: datetime = FAR_FUTURE, as_of: date | None = None) -> Plan[SourceOut]:
    """The source as recorded at `t`, with the facts citing it (those valid on `as_of`)."""
    rows = yield step(load("source_get"), id=source_id, limit=FACT_LIMIT, t=t, times=False,
                      as_of=as_of)
    if not rows:
        raise NotFound(f"no source with id {source_id!r}", id=source_id)
    row = rows[0]
    return SourceOut.model_validate({
        **{k: plain(v) for k, v in row["props"].items()},
        "relationships": [{"id": r["id"], "type": r["type"], "from": r["from"], "to": r["to"],
                           "citations": _citing(r["props"], source_id)} for r in row["rels"]],
        "entities": [{"entity": {"id": e["id"], "name": e["name"], "type": e["type"]},
                      "citations": _citing(e, source_id)} for e in row["entities"]],
    })
