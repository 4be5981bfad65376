"""Convenience reads: agreements, policies, and a source with every fact citing it."""

from datetime import datetime
from typing import Any

from app.cypher import load
from app.db import Graph
from app.entities import relationship_out
from app.errors import NotFound
from app.history import revert
from app.models import (
    CitationOut,
    CitedEntity,
    EntityRef,
    FactOut,
    InstrumentOut,
    RelationshipOut,
    SourceOut,
)
from app.requests import FAR_FUTURE, InstrumentParams
from app.storage import decode_citations, plain, public_props

# Which list each (relationship type, direction seen from the instrument) fills.
ROLES = {
    ("PARTY_TO", "in"): "parties",
    ("SIGNED", "in"): "signatories",
    ("FUNDS", "in"): "funders",
    ("ISSUED", "in"): "issuers",
    ("INITIATED", "in"): "initiators",
    ("AFFECTS", "out"): "affected",
}
INSTRUMENT_FIELDS = {"id", "name", "status", "summary", "recorded_at", "aliases", "names"}
FACT_LIMIT = 5000
MAX_INSTRUMENTS = 10_000


def instrument_out(props: dict[str, Any], rels: list[dict[str, Any]],
                   countries: list[str]) -> InstrumentOut:
    roles: dict[str, list[RelationshipOut]] = {}
    for raw in rels:
        role = ROLES.get((raw["type"], raw["direction"]), "other")
        roles.setdefault(role, []).append(relationship_out(raw))
    public = public_props(props)
    return InstrumentOut(
        id=props["id"], type=props["type"], name=props["name"], status=props.get("status"),
        summary=props.get("summary"),
        properties={k: v for k, v in public.items() if k not in INSTRUMENT_FIELDS},
        citations=[CitationOut(**c) for c in decode_citations(props)],
        countries=sorted(set(countries)), **roles,
    )


def instruments(graph: Graph, kind: str, params: InstrumentParams, status: str | None) -> list[InstrumentOut]:
    historical = params.t < FAR_FUTURE
    # A status may have changed since as_recorded: then filter and page after reverting.
    rows = graph.read(load("instruments"), kind=kind, status=None if historical else status,
                      country=params.country, as_of=params.as_of, t=params.t,
                      limit=MAX_INSTRUMENTS if historical else params.limit,
                      offset=0 if historical else params.offset)
    graph.run(revert(params.t, [r["props"] for r in rows] + [x["props"] for r in rows for x in r["rels"]]))
    if historical:
        rows = [r for r in rows if status is None or r["props"].get("status") == status]
        rows = rows[params.offset:params.offset + params.limit]
    return [instrument_out(r["props"], r["rels"], r["countries"]) for r in rows]


def _citing(props: dict[str, Any], source_id: str) -> list[CitationOut]:
    return [CitationOut(**c) for c in decode_citations(props) if c["source"] == source_id]


def get_source(graph: Graph, source_id: str, t: datetime = FAR_FUTURE) -> SourceOut:
    rows = graph.read(load("source_get"), id=source_id, limit=FACT_LIMIT, t=t)
    if not rows:
        raise NotFound(f"no source with id {source_id!r}", id=source_id)
    props = rows[0]["props"]
    return SourceOut(
        **{k: plain(v) for k, v in props.items()},
        relationships=[
            FactOut(id=r["id"], type=r["type"], from_entity=EntityRef(**r["from"]),
                    to_entity=EntityRef(**r["to"]), citations=_citing(r["props"], source_id))
            for r in rows[0]["rels"]
        ],
        entities=[
            CitedEntity(entity=EntityRef(id=e["id"], name=e["name"], type=e["type"]),
                        citations=_citing(e, source_id))
            for e in rows[0]["entities"]
        ],
    )
