"""Query functions for entities. Routers call these; they hold no HTTP."""

from datetime import datetime
from typing import Any, NoReturn

from app.cypher import load
from app.db import Graph, Plan, step
from app.errors import InvalidInput, Moved, NotFound
from app.history import revert
from app.models import EntityOut, RelationshipOut, SearchHit, SearchPage
from app.requests import FAR_FUTURE, SearchParams
from app.schema import get_schema
from app.storage import INTERNAL_KEYS, decode_citations, decode_names, plain, public_props, unstamp
from app.text import fold, lucene_query, search_terms

SEARCH_CAP = 1000

ENTITY_FIELDS = {"id", "name", "aliases", "names", "description", "recorded_at"}
IDENTIFIER_FIELDS = {"wikidata_qid", "iso_alpha2", "iso_alpha3"}
REL_FIELDS = {"id", "valid_from", "valid_to", "date_text", "recorded_at"}
REL_PROPERTIES_SKIP = INTERNAL_KEYS | REL_FIELDS


def relationship_data(raw: dict[str, Any]) -> dict[str, Any]:
    """A relationship as `RelationshipOut`'s fields, in plain data. Answers holding many
    (an entity read, a timeline) are validated once as a whole: pydantic then builds every
    nested model in Rust, not one Python `__init__` per relationship, citation and entity
    reference (bench/README.md)."""
    props = raw["props"]
    get = props.get
    return {
        "id": props["id"], "type": raw["type"], "direction": raw["direction"],
        "other": raw["other"],
        "valid_from": plain(get("valid_from")), "valid_to": plain(get("valid_to")),
        "date_text": plain(get("date_text")), "recorded_at": plain(get("recorded_at")),
        "properties": {k: plain(v) for k, v in props.items() if k not in REL_PROPERTIES_SKIP},
        "citations": decode_citations(props),
    }


def relationship_out(raw: dict[str, Any]) -> RelationshipOut:
    return RelationshipOut.model_validate(relationship_data(raw))


def entity_out(props: dict[str, Any], rels: list[dict[str, Any]],
               counts: dict[str, int] | None = None) -> EntityOut:
    public = public_props(props)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for raw in rels:
        grouped.setdefault(raw["type"], []).append(relationship_data(raw))
    return EntityOut.model_validate({
        "id": props["id"], "type": props["type"], "name": props["name"],
        "aliases": props.get("aliases") or [], "names": decode_names(props.get("names")),
        "description": props.get("description"), "recorded_at": plain(props.get("recorded_at")),
        "identifiers": {k: public[k] for k in IDENTIFIER_FIELDS if k in public},
        "properties": {k: v for k, v in public.items()
                       if k not in ENTITY_FIELDS | IDENTIFIER_FIELDS},
        "citations": decode_citations(props),
        "relationships": grouped,
        "relationship_counts": counts if counts is not None
        else {kind: len(items) for kind, items in grouped.items()},
    })


EntityRows = tuple[dict[str, Any], list[dict[str, Any]], dict[str, int]]


def missing_entity(entity_id: str, t: datetime) -> Plan[NoReturn]:
    """Raise why an entity is not there: merged into another (a redirect), or unknown."""
    merged = yield step(load("merged_into"), id=entity_id, t=t)
    if merged and merged[0]["into"]:
        raise Moved(f"{entity_id!r} was merged into {merged[0]['into']!r}",
                    old=entity_id, new=merged[0]["into"])
    raise NotFound(f"no entity with id {entity_id!r}", id=entity_id)


def _entity_rows(entity_id: str, t: datetime, per_type: int | None,
                 stamps: bool = False) -> Plan[EntityRows]:
    """With `stamps`, each `recorded_at` is the text `plain()` would give it (entity_get)."""
    rows = yield step(load("entity_get"), id=entity_id, t=t, per_type=per_type, stamps=stamps)
    if not rows:
        yield from missing_entity(entity_id, t)
    props, rels = rows[0]["props"], rows[0]["rels"]
    records = [props, *(r["props"] for r in rels)]
    yield from revert(t, records)
    if stamps:
        unstamp(records)
    return props, rels, {c["type"]: c["count"] for c in rows[0]["counts"]}


def get_entity_rows(entity_id: str, t: datetime = FAR_FUTURE,
                    ) -> Plan[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The entity's properties and every one of its relationships (documents, timeline)."""
    props, rels, _ = yield from _entity_rows(entity_id, t, None)
    return props, rels


def get_entity(entity_id: str, t: datetime = FAR_FUTURE, per_type: int | None = None,
               ) -> Plan[EntityOut]:
    """The entity with at most `per_type` relationships of each type (all when None)."""
    return entity_out(*(yield from _entity_rows(entity_id, t, per_type, stamps=True)))


def search(params: SearchParams) -> Plan[SearchPage]:
    types = [str(t) for t in params.type]
    if params.q is None:
        total = (yield step(load("count_entities"), types=types, t=params.t))[0]["total"]
        rows = yield step(load("list_entities"), types=types, limit=params.limit,
                          offset=params.offset, t=params.t)
        return SearchPage(query=None, total=total, limit=params.limit, offset=params.offset,
                          results=[SearchHit(**r) for r in rows])
    terms = search_terms(params.q)
    if not terms:
        raise InvalidInput("q has no letters or digits to search for", field="q")
    row = (yield step(load("search_entities"), lucene=lucene_query(terms), folded=fold(params.q),
                      types=types, cap=SEARCH_CAP, limit=params.limit, offset=params.offset,
                      t=params.t))[0]
    return SearchPage(query=params.q, total=row["total"], limit=params.limit,
                      offset=params.offset, results=[SearchHit(**r) for r in row["results"]])


def database_status(graph: Graph) -> dict[str, Any]:
    graph.ping()
    row = graph.read(load("health"))[0]
    return {"status": "up", "version": row["version"], "edition": row["edition"]}


def expected_schema() -> dict[str, Any]:
    schema = get_schema()
    return {"version": schema.version, "checksum": schema.checksum}
