"""Reads of one entity, and entity search. Routers call these; they hold no HTTP."""

from datetime import date, datetime
from typing import Any, NoReturn

from app.errors import InvalidInput, Moved, NotFound
from app.model.params import FAR_FUTURE, SearchParams
from app.model.responses import EntityOut, SearchHit, SearchPage
from app.reads.history import revert
from app.reads.lifecycle import with_status
from app.reads.search_text import lucene_query, search_terms
from app.store.codec import decode_entity, decode_relationship, unstamp
from app.store.cypher import load
from app.store.db import Plan, step
from app.text import fold

SEARCH_CAP = 1000


def relationship_data(raw: dict[str, Any]) -> dict[str, Any]:
    """A relationship as `RelationshipOut`'s fields, in plain data. Answers holding many
    (an entity read, a timeline) are validated once as a whole: pydantic then builds every
    nested model in Rust, not one Python `__init__` per relationship and citation."""
    rel = decode_relationship(raw["props"])
    rel["type"], rel["direction"], rel["other"] = raw["type"], raw["direction"], raw["other"]
    return rel


def entity_data(props: dict[str, Any], rels: list[dict[str, Any]],
                counts: dict[str, int] | None = None, as_of: date | None = None) -> dict[str, Any]:
    """An `EntityOut` in plain data: the entity with its relationships grouped by type, and
    its lifecycle and status as of `as_of`."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for raw in rels:
        grouped.setdefault(raw["type"], []).append(relationship_data(raw))
    return {**with_status(decode_entity(props), as_of), "relationships": grouped,
            "relationship_counts": counts if counts is not None
            else {kind: len(items) for kind, items in grouped.items()}}


EntityRows = tuple[dict[str, Any], list[dict[str, Any]], dict[str, int]]


def missing_entities(ids: list[str], t: datetime) -> Plan[NoReturn]:
    """Raise why entities are not there: merged into others (a redirect), or unknown."""
    merged = yield step(load("merged_ids"), ids=ids, t=t)
    if merged:
        raise Moved({row["id"]: row["into"] for row in merged})
    raise NotFound(f"no entity with id {', '.join(repr(i) for i in ids)}", ids=ids)



def _entity_rows(entity_id: str, t: datetime, per_type: int | None,
                 stamps: bool = False, as_of: date | None = None) -> Plan[EntityRows]:
    """With `stamps`, each `recorded_at` is the text `plain()` would give it (entity_get)."""
    rows = yield step(load("entity_get"), id=entity_id, t=t, per_type=per_type, stamps=stamps,
                      as_of=as_of)
    if not rows:
        yield from missing_entities([entity_id], t)
    props, rels = rows[0]["props"], rows[0]["rels"]
    records = [props, *(r["props"] for r in rels)]
    yield from revert(t, records)
    if stamps:
        unstamp(records)
    return props, rels, {c["type"]: c["count"] for c in rows[0]["counts"]}


def get_entity_rows(entity_id: str, t: datetime = FAR_FUTURE, as_of: date | None = None,
                    ) -> Plan[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The entity's properties and every one of its relationships (documents, timeline)."""
    props, rels, _ = yield from _entity_rows(entity_id, t, None, as_of=as_of)
    return props, rels


def get_entity(entity_id: str, t: datetime = FAR_FUTURE, per_type: int | None = None,
               as_of: date | None = None) -> Plan[EntityOut]:
    """The entity with at most `per_type` relationships of each type (all when None), those
    valid on `as_of` when given."""
    rows = yield from _entity_rows(entity_id, t, per_type, stamps=True, as_of=as_of)
    return EntityOut.model_validate(entity_data(*rows, as_of=as_of))


def search(params: SearchParams) -> Plan[SearchPage]:
    types = [str(t) for t in params.type]
    if params.q is None:
        total = (yield step(load("count_entities"), types=types, t=params.t,
                            as_of=params.as_of))[0]["total"]
        rows = yield step(load("list_entities"), types=types, limit=params.limit,
                          offset=params.offset, t=params.t, as_of=params.as_of)
        return SearchPage(query=None, total=total, limit=params.limit, offset=params.offset,
                          results=[SearchHit(**r) for r in rows])
    terms = search_terms(params.q)
    if not terms:
        raise InvalidInput("q has no letters or digits to search for", field="q")
    row = (yield step(load("search_entities"), lucene=lucene_query(terms), folded=fold(params.q),
                      types=types, cap=SEARCH_CAP, limit=params.limit, offset=params.offset,
                      t=params.t, as_of=params.as_of))[0]
    return SearchPage(query=params.q, total=row["total"], limit=params.limit,
                      offset=params.offset, results=[SearchHit(**r) for r in row["results"]])
