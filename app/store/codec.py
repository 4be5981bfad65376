"""The one codec between records and Neo4j properties, both ways.

Neo4j properties cannot hold maps, so a fact's citations are stored as parallel
lists on the node or relationship (`cite_sources[i]` goes with `cite_quotes[i]`),
names in other languages as "lang:text" strings, and an agreement's or policy's
lifecycle as one JSON text per stage (a stage is read whole, never queried by part).
Every read, write and RDF path decodes a stored row here: `decode_entity`,
`decode_relationship`, `decode_citations`.
"""

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import cache
from typing import Any, cast

from neo4j.time import Date, DateTime

from app.model.records import Citation, EntityRecord, RelationshipRecord, SourceRecord
from app.text import fold

CITE_KEYS = ("cite_sources", "cite_quotes", "cite_confidences", "cite_modes",
             "cite_attributed_to", "cite_fields")
# Record-time bookkeeping: when a record was retracted, by whom, why, and its earlier
# retracted periods. Reads decide visibility with them; answers never show them.
BOOKKEEPING = frozenset({"retracted_at", "retracted_by", "retraction_note", "merged_into",
                         "retracted_between"})
INTERNAL_KEYS = {*CITE_KEYS, *BOOKKEEPING, "search_text", "search_keys", "type"}
# The fields every stored relationship may have besides its type-specific properties.
REL_CORE = frozenset({"id", "valid_from", "valid_to", "date_text", "recorded_at"})
# An entity's fields outside `properties`; the identifiers are reference data.
ENTITY_CORE = frozenset({"id", "name", "aliases", "names", "description", "recorded_at", "lifecycle"})
IDENTIFIER_KEYS = ("wikidata_qid", "iso_alpha2", "iso_alpha3")
_REL_SKIP = INTERNAL_KEYS | REL_CORE
_ENTITY_SKIP = INTERNAL_KEYS | ENTITY_CORE | set(IDENTIFIER_KEYS)


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def key_digest(secret: str) -> str:
    """How an API key's secret is stored: its sha256, never the secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def citation_props(citations: list[Citation]) -> dict[str, list[Any]]:
    return {
        "cite_sources": [c.source for c in citations],
        "cite_quotes": [c.quote for c in citations],
        "cite_confidences": [c.confidence for c in citations],
        "cite_modes": [c.mode for c in citations],
        "cite_attributed_to": [c.attributed_to or "" for c in citations],
        "cite_fields": [",".join(sorted(c.fields)) for c in citations],
    }


def citation_props_of(citations: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """`citation_props` of citations as plain data (a decoded stage's, say)."""
    return citation_props([Citation.model_validate(c) for c in citations])


def _compact(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None and v != [] and v != {}}


def _as_sets(props: dict[str, Any]) -> dict[str, Any]:
    """List properties are sets of strings: stored sorted, so every export and import agrees."""
    return {k: sorted(set(v)) if isinstance(v, list) else v for k, v in props.items()}


def entity_props(entity: EntityRecord) -> dict[str, Any]:
    names = [f"{lang}:{text}" for lang, text in sorted(entity.names.items())]
    search = " | ".join([*sorted(set(entity.aliases)), *(t for _, t in sorted(entity.names.items()))])
    keys = sorted({fold(n) for n in [entity.name, *entity.aliases, *entity.names.values()]})
    return _compact({
        "id": entity.id, "type": str(entity.type), "name": entity.name,
        "aliases": sorted(set(entity.aliases)), "names": names, "description": entity.description,
        "wikidata_qid": entity.wikidata_qid, "search_text": search or None,
        "search_keys": keys,
        "lifecycle": [json.dumps(stage.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
                      for stage in entity.lifecycle],
        **_as_sets(entity.properties), **citation_props(entity.citations),
    })


def relationship_props(rel: RelationshipRecord) -> dict[str, Any]:
    return _compact({
        "id": rel.fact_id, "valid_from": rel.valid_from, "valid_to": rel.valid_to,
        "date_text": rel.date_text, **_as_sets(rel.properties), **citation_props(rel.citations),
    })


def source_props(source: SourceRecord, text: str) -> dict[str, Any]:
    fields = source.model_dump(exclude={"text", "text_file", "recorded_at"})
    return _compact({**fields, "text": text, "content_hash": content_hash(text)})


def iso_datetime(value: DateTime) -> str:
    """`value.iso_format()`, character for character, in less time (bench/README.md), which
    a timeline page pays once per entry.

    The driver's `iso_format` asks the DateTime for its UTC offset, which is most of its
    cost. For a fixed-offset zone (what Neo4j hands back for `Z` and `+05:30`: pytz's
    utc and fixed offsets) the suffix is the zone's own, and cached. Named zones and
    local datetimes take the driver's path."""
    zone = value.tzinfo
    suffix = _offset_suffix(zone) if zone is not None else None
    if suffix is None:
        return value.iso_format()
    # %-formatting takes the driver's tuples whole, faster than an f-string.
    return ("%04d-%02d-%02dT" % value.year_month_day  # noqa: UP031
            + "%02d:%02d:%02d.%09d" % value.hour_minute_second_nanosecond  # noqa: UP031
            + suffix)


@cache
def _offset_suffix(zone: tzinfo) -> str | None:
    """"+HH:MM" for a fixed-offset zone; None for a named one, whose offset depends on
    the date (tzinfo's contract: `utcoffset(None)` is None unless the offset is fixed)."""
    offset = zone.utcoffset(None)
    if offset is None:
        return None
    return _minutes_suffix(int(offset.total_seconds() // 60))


@cache
def _minutes_suffix(offset_minutes: int) -> str:
    # The driver's arithmetic, so odd negative offsets print as it prints them.
    hours, minutes = divmod(offset_minutes, 60)
    return f"{hours:+03d}:{minutes:02d}"


def stamp_iso(stamp: list[int | None]) -> str | None:
    """The driver's `iso_format` of a DateTime that Cypher handed over as its parts,
    `[year, month, day, hour, minute, second, nanosecond, offsetSeconds]`, character for
    character. For a named zone the local time and offset are the server's, which differ
    from pytz's where their zone rules do (after 2037); `recorded_at` has fixed offsets.

    Hydrating a DateTime is slow in the driver (pure Python, with pytz), and an entity
    read holds one per relationship shown; formatting eight integers is not. Local
    fields, not `epochSeconds`: Neo4j truncates that towards zero before 1970, so it and
    `nanosecond` do not add up to the instant (bench/README.md)."""
    if stamp[0] is None:  # no recorded_at: every part is null
        return None
    parts = cast(list[int], stamp)
    # %-formatting a tuple: faster than the same f-string.
    return "%04d-%02d-%02dT%02d:%02d:%02d.%09d" % tuple(parts[:7]) + _minutes_suffix(parts[7] // 60)  # noqa: UP031


def stamp_datetime(stamp: list[int | None]) -> datetime | None:
    """The DateTime that Cypher handed over as its parts (see `stamp_iso`), as the driver's
    `to_native()` gives it: microseconds truncated, the offset fixed. The dumps read one
    per record, and hydrating them was half of their reading (bench/README.md)."""
    if stamp[0] is None:
        return None
    y, mo, d, h, mi, s, ns, offset = cast(list[int], stamp)
    return datetime(y, mo, d, h, mi, s, ns // 1000, _zone(offset))


@cache
def _zone(offset_seconds: int) -> tzinfo:
    return timezone(timedelta(seconds=offset_seconds))


def restamp(records: Iterable[dict[str, Any]]) -> None:
    """In place: each record's `recorded_at` read as parts becomes a datetime."""
    for record in records:
        stamp = record.get("recorded_at")
        if isinstance(stamp, list):
            record["recorded_at"] = stamp_datetime(stamp)


def unstamp(records: Iterable[dict[str, Any]]) -> None:
    """In place: each record's `recorded_at` read as parts (the `$stamps` of the read
    queries) becomes the text `plain()` gives a DateTime. A record reverted to an earlier
    state has no `recorded_at` (history keeps content only) and is left as it is."""
    for record in records:
        stamp = record.get("recorded_at")
        if isinstance(stamp, list):
            record["recorded_at"] = stamp_iso(stamp)


# What the driver hands over for most property values: already plain.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """Neo4j temporal values to ISO strings, recursively."""
    if type(value) in _SCALARS:  # one set lookup for most values, not five isinstance calls
        return value
    if isinstance(value, DateTime):
        return iso_datetime(value)
    if isinstance(value, Date):
        return value.iso_format()
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def decode_citations(props: dict[str, Any]) -> list[dict[str, Any]]:
    sources = props.get("cite_sources")
    if not sources:
        return []
    fields = props.get("cite_fields") or [""] * len(sources)
    return [{"source": source, "quote": quote, "confidence": confidence, "mode": mode,
             "attributed_to": attributed_to or None,
             "fields": [f for f in supported.split(",") if f] if supported else []}
            for source, quote, confidence, mode, attributed_to, supported in zip(
                sources, props["cite_quotes"], props["cite_confidences"], props["cite_modes"],
                props["cite_attributed_to"], fields, strict=True)]


def decode_names(values: list[str] | None) -> dict[str, str]:
    return dict(v.split(":", 1) for v in values or [] if ":" in v)


def decode_lifecycle(props: dict[str, Any]) -> list[dict[str, Any]]:
    """An agreement's or policy's stages as `Stage` data, in the order they were recorded."""
    return [json.loads(text) for text in props.get("lifecycle") or []]


def decode_entity(props: dict[str, Any]) -> dict[str, Any]:
    """A stored entity as plain data: its core fields, identifiers, other properties,
    citations and lifecycle."""
    get = props.get
    return {
        "lifecycle": decode_lifecycle(props),
        "id": props["id"], "type": props["type"], "name": props["name"],
        "aliases": get("aliases") or [], "names": decode_names(get("names")),
        "description": get("description"), "recorded_at": plain(get("recorded_at")),
        "identifiers": {k: plain(props[k]) for k in IDENTIFIER_KEYS if k in props},
        "properties": {k: plain(v) for k, v in props.items() if k not in _ENTITY_SKIP},
        "citations": decode_citations(props),
    }


def decode_relationship(props: dict[str, Any]) -> dict[str, Any]:
    """A stored relationship's own fields as plain data (its type and ends come from the row)."""
    get = props.get
    return {
        "id": props["id"], "valid_from": plain(get("valid_from")), "valid_to": plain(get("valid_to")),
        "date_text": plain(get("date_text")), "recorded_at": plain(get("recorded_at")),
        "properties": {k: plain(v) for k, v in props.items() if k not in _REL_SKIP},
        "citations": decode_citations(props),
    }


def entity_record_data(props: dict[str, Any], known: Iterable[str]) -> dict[str, Any]:
    """A stored entity as `EntityRecord` input; `known` are its type's property names."""
    entity = decode_entity(props)
    attributes = {**entity["identifiers"], **entity["properties"]}
    return {
        "id": entity["id"], "type": entity["type"], "name": entity["name"],
        "aliases": entity["aliases"], "names": entity["names"], "description": entity["description"],
        "wikidata_qid": entity["identifiers"].get("wikidata_qid"),
        "properties": {k: attributes[k] for k in known if k in attributes},
        "citations": entity["citations"], "lifecycle": entity["lifecycle"],
    }


def relationship_record_data(rel_type: str, from_id: str, to_id: str, props: dict[str, Any],
                             known: Iterable[str]) -> dict[str, Any]:
    """A stored relationship as `RelationshipRecord` input (without its id: callers choose)."""
    rel = decode_relationship(props)
    return {
        "type": rel_type, "from": from_id, "to": to_id, "valid_from": rel["valid_from"],
        "valid_to": rel["valid_to"], "date_text": rel["date_text"],
        "properties": {k: rel["properties"][k] for k in known if k in rel["properties"]},
        "citations": rel["citations"],
    }
