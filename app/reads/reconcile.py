"""OpenRefine's Reconciliation Service API 0.2 over the graph: the manifest, reconciliation
through the matcher, suggest, proposed properties and data extension. The router parses
HTTP; everything here is plain data and Plans."""

from datetime import date, datetime
from typing import Any

from app.errors import InvalidInput, Moved, NotFound
from app.model.params import SearchParams
from app.model.reconcile import ExtendRequest, ReconQuery
from app.model.responses import EntityOut, RelationshipOut
from app.reads.entities import get_entity, search
from app.reads.lifecycle import status_on
from app.reads.matching import MatchQuery, match_many
from app.schema.loader import get_schema
from app.store.db import Plan

BATCH_SIZE = 50
SUGGEST_PAGE = 10
PREVIEW = {"width": 420, "height": 220}
# Entity fields a spreadsheet can pull back, besides each type's own properties.
COMMON_FIELDS = {"description": "description", "aliases": "aliases", "wikidata_qid": "Wikidata id"}


def manifest(base: str, name: str) -> dict[str, Any]:
    """The service manifest: what OpenRefine reads when a user adds the service."""
    service = {"service_url": base}
    return {
        "versions": ["0.2"], "name": name,
        "identifierSpace": f"{base}/id/", "schemaSpace": f"{base}/vocab#",
        "defaultTypes": [{"id": label, "name": label} for label in get_schema().entity_labels],
        "view": {"url": f"{base}/id/{{{{id}}}}"},
        "preview": {"url": f"{base}/reconcile/preview?id={{{{id}}}}", **PREVIEW},
        "suggest": {kind: {**service, "service_path": f"/reconcile/suggest/{kind}"}
                    for kind in ("entity", "type", "property")},
        "extend": {"propose_properties": {**service, "service_path": "/reconcile/extend/propose"},
                   "property_settings": [{
                       "name": "limit", "label": "Limit", "type": "number", "default": 0,
                       "help_text": "At most this many values per cell (0: all)."}]},
        "batchSize": BATCH_SIZE,
    }


def properties_of(entity_type: str | None) -> list[dict[str, str]]:
    """What can be asked of an entity of this type (or of any): its fields, then its
    relationships, outgoing by type (`PARTY_TO`) and incoming (`in:PARTY_TO`)."""
    schema = get_schema()
    labels = [entity_type] if entity_type else schema.entity_labels
    found = {key: {"id": key, "name": label} for key, label in COMMON_FIELDS.items()}
    for label in labels:
        if schema.nodes[label].lifecycle:  # derived from the lifecycle, as of the extension's as_of
            found.setdefault("status", {"id": "status", "name": "status"})
        for prop in schema.nodes[label].properties.values():
            found.setdefault(prop.name, {"id": prop.name, "name": prop.name.replace("_", " ")})
    for rel in schema.relationships.values():
        if any(label in rel.from_labels for label in labels):
            found.setdefault(rel.type, {"id": rel.type, "name": f"{rel.type} →",
                                        "description": rel.description})
        if any(label in rel.to_labels for label in labels):
            found.setdefault(f"in:{rel.type}", {"id": f"in:{rel.type}", "name": f"← {rel.type}",
                                                "description": rel.description})
    return list(found.values())


def _match_query(query: ReconQuery) -> MatchQuery:
    wanted = tuple((p.pid, text) for p in query.properties for text in p.texts())
    return MatchQuery(query.query, query.types(), wanted, query.limit)


def _known_pids(queries: dict[str, ReconQuery]) -> None:
    known = {p["id"] for p in properties_of(None)}
    for key, query in queries.items():
        for index, prop in enumerate(query.properties):
            if prop.pid not in known:
                raise InvalidInput(f"{key}.properties[{index}].pid: unknown property "
                                   f"{prop.pid!r}; see /reconcile/suggest/property",
                                   field=f"{key}.properties")


def reconcile(queries: dict[str, ReconQuery], t: datetime) -> Plan[dict[str, Any]]:
    """Each query's ranked candidates, in the spec's shape."""
    _known_pids(queries)
    found = yield from match_many({k: _match_query(q) for k, q in queries.items()}, t)
    return {key: {"result": [{
        "id": c.id, "name": c.name, "type": [{"id": c.type, "name": c.type}], "score": c.score,
        "match": c.match, "description": c.description or "",
        "features": [f.model_dump() for f in c.features]} for c in found[key]]}
        for key in queries}


def suggest_entities(prefix: str, cursor: int, t: datetime,
                     types: tuple[str, ...] = ()) -> Plan[dict[str, Any]]:
    if not prefix.strip():  # white space alone ("\v") names nothing: no suggestions
        return {"result": []}
    page = yield from search(SearchParams.model_validate(
        {"q": prefix, "limit": SUGGEST_PAGE, "offset": cursor, "as_recorded": t, "type": list(types)}))
    return {"result": [{"id": h.id, "name": h.name, "description": h.description or "",
                        "notable": [{"id": h.type, "name": h.type}]} for h in page.results]}


def _suggested(items: list[dict[str, str]], prefix: str, cursor: int) -> dict[str, Any]:
    wanted = prefix.strip().lower()
    hits = [i for i in items if wanted in i["id"].lower() or wanted in i["name"].lower()]
    return {"result": hits[cursor:cursor + SUGGEST_PAGE]}


def suggest_types(prefix: str, cursor: int) -> dict[str, Any]:
    labels = [{"id": label, "name": label} for label in get_schema().entity_labels]
    return _suggested(labels, prefix, cursor)


def suggest_properties(prefix: str, cursor: int, entity_type: str | None) -> dict[str, Any]:
    return _suggested(properties_of(entity_type), prefix, cursor)


def propose(entity_type: str, limit: int) -> dict[str, Any]:
    found = [{"id": p["id"], "name": p["name"]} for p in properties_of(entity_type)]
    return {"type": entity_type, "properties": found[:limit] if limit else found,
            **({"limit": limit} if limit else {})}


def _valid_on(rel: RelationshipOut, as_of: date | None) -> bool:
    if as_of is None:
        return True
    day = as_of.isoformat()
    return (rel.valid_from is None or rel.valid_from <= day) and (rel.valid_to is None or rel.valid_to >= day)


def _values(entity: EntityOut, pid: str, as_of: date | None) -> list[dict[str, Any]]:
    """One cell: entity values as {id, name}, dates as {date}, numbers as {float}."""
    kind, _, rel_type = pid.rpartition(":")
    if rel_type in get_schema().relationships:
        direction = "in" if kind == "in" else "out"
        return [{"id": r.other.id, "name": r.other.name}
                for r in entity.relationships.get(rel_type, [])
                if r.direction == direction and _valid_on(r, as_of)]
    if pid == "status":
        status = status_on([stage.model_dump() for stage in entity.lifecycle], as_of)
        return [{"str": status}] if status else []
    value = {"aliases": entity.aliases, "description": entity.description,
             "wikidata_qid": entity.identifiers.get("wikidata_qid")}.get(pid, entity.properties.get(pid))
    return [_typed(v) for v in (value if isinstance(value, list) else [value]) if v is not None]


def _typed(value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int | float):
        return {"float": value}
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.replace("-", "").isdigit():
        return {"date": f"{text}T00:00:00Z"}
    return {"str": text}


def _entity(ident: str, t: datetime) -> Plan[EntityOut | None]:
    """The entity (a merged id as its survivor), or None when unknown."""
    try:
        return (yield from get_entity(ident, t))
    except Moved as moved:
        return (yield from get_entity(moved.moved.get(ident, ident), t))
    except NotFound:
        return None


def extend(request: ExtendRequest, t: datetime, as_of: date | None) -> Plan[dict[str, Any]]:
    """Data extension: for each id, each asked property's values."""
    catalog = {p["id"]: p for p in properties_of(None)}
    unknown = [p.id for p in request.properties if p.id not in catalog]
    if unknown:
        raise InvalidInput(f"unknown properties {unknown}; see /reconcile/extend/propose",
                           field="extend.properties")
    rows: dict[str, Any] = {}
    for ident in request.ids:
        entity = yield from _entity(ident, t)
        rows[ident] = {p.id: _limited(_values(entity, p.id, as_of), p.settings) if entity else []
                       for p in request.properties}
    meta = [{"id": p.id, "name": catalog[p.id]["name"]} for p in request.properties]
    return {"meta": meta, "rows": rows}


def _limited(values: list[dict[str, Any]], settings: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        limit = int(settings.get("limit", 0) or 0)
    except (TypeError, ValueError):
        raise InvalidInput("property setting limit must be a number", field="settings.limit") from None
    return values[:limit] if limit > 0 else values
