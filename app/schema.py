"""Load the graph schema from `graph/schema/` (YAML per type), cross-check it, apply it.

The schema is data (followthemoney-style): node and relationship types, their
properties and which are required. From it come the `EntityType` and `RelType`
enums, the pydantic validators for seed records, and the RDF class of each type.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, create_model

from app.cypher import load, statements
from app.db import Graph
from app.settings import get_settings

PROPERTY_TYPES = {"id", "string", "text", "number", "integer", "date", "boolean",
                  "enum", "list[string]", "map[string]"}
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Fact ids join entity ids with "--": from--type--to.
FACT_ID_PATTERN = r"^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$"


class SchemaDefinitionError(ValueError):
    pass


@dataclass(frozen=True)
class PropertySpec:
    name: str
    type: str
    required: bool = False
    description: str = ""
    values: tuple[str, ...] = ()
    pattern: str | None = None
    # Reference data (ISO codes, QIDs) that needs no citation from a news source.
    reference: bool = False


@dataclass(frozen=True)
class NodeType:
    label: str
    description: str
    rdf_class: str
    properties: dict[str, PropertySpec]
    is_entity: bool = True


@dataclass(frozen=True)
class RelationshipType:
    type: str
    description: str
    from_labels: tuple[str, ...]
    to_labels: tuple[str, ...]
    properties: dict[str, PropertySpec]


@dataclass(frozen=True)
class Schema:
    version: int
    checksum: str
    nodes: dict[str, NodeType]
    relationships: dict[str, RelationshipType]
    entity_properties: dict[str, PropertySpec] = field(default_factory=dict)
    relationship_properties: dict[str, PropertySpec] = field(default_factory=dict)

    @property
    def entity_labels(self) -> list[str]:
        return [label for label, node in self.nodes.items() if node.is_entity]


def _properties(raw: dict[str, Any] | None, where: str) -> dict[str, PropertySpec]:
    specs: dict[str, PropertySpec] = {}
    for name, spec in (raw or {}).items():
        if spec.get("type") not in PROPERTY_TYPES:
            raise SchemaDefinitionError(f"{where}: property {name!r} has unknown type {spec.get('type')!r}")
        if spec["type"] == "enum" and not spec.get("values"):
            raise SchemaDefinitionError(f"{where}: enum property {name!r} lists no values")
        specs[name] = PropertySpec(
            name=name, type=spec["type"], required=bool(spec.get("required", False)),
            description=spec.get("description", ""), values=tuple(spec.get("values", ())),
            pattern=spec.get("pattern"), reference=bool(spec.get("reference", False)),
        )
    return specs


def _read_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise SchemaDefinitionError(f"{path}: expected a mapping")
    return data


def load_schema(directory: Path | None = None) -> Schema:
    """Read and cross-check every schema file; raise SchemaDefinitionError on any mismatch."""
    directory = directory or get_settings().schema_dir
    digest = hashlib.sha256()
    files = [directory / "schema.yaml", *sorted((directory / "nodes").glob("*.yaml")),
             *sorted((directory / "relationships").glob("*.yaml")), directory / "constraints.cypher"]
    for path in files:
        digest.update(path.read_bytes())
    root = _read_yaml(directory / "schema.yaml")

    nodes: dict[str, NodeType] = {}
    for path in files[1:]:
        if path.parent.name != "nodes":
            continue
        raw = _read_yaml(path)
        label = raw["label"]
        if label in nodes:
            raise SchemaDefinitionError(f"{path}: node type {label} declared twice")
        nodes[label] = NodeType(label, raw.get("description", ""), raw["rdf_class"],
                                _properties(raw.get("properties"), str(path)),
                                is_entity=raw.get("entity", True))

    rels: dict[str, RelationshipType] = {}
    for path in files[1:]:
        if path.parent.name != "relationships":
            continue
        raw = _read_yaml(path)
        rtype = raw["type"]
        if not re.fullmatch(r"[A-Z][A-Z_]*", rtype):
            raise SchemaDefinitionError(f"{path}: relationship type {rtype!r} is not UPPER_SNAKE")
        if rtype in rels:
            raise SchemaDefinitionError(f"{path}: relationship type {rtype} declared twice")
        ends = (tuple(raw["from"]), tuple(raw["to"]))
        for label in (*ends[0], *ends[1]):
            if label not in nodes or not nodes[label].is_entity:
                raise SchemaDefinitionError(f"{path}: {rtype} names unknown entity type {label!r}")
        rels[rtype] = RelationshipType(rtype, raw.get("description", ""), *ends,
                                       _properties(raw.get("properties"), str(path)))

    constraints = (directory / "constraints.cypher").read_text(encoding="utf-8")
    for label in nodes:
        if f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" not in constraints:
            raise SchemaDefinitionError(f"constraints.cypher lacks the unique id constraint for {label}")

    return Schema(
        version=int(root["version"]), checksum=digest.hexdigest()[:16], nodes=nodes,
        relationships=rels,
        entity_properties=_properties(root.get("entity_properties"), "schema.yaml"),
        relationship_properties=_properties(root.get("relationship_properties"), "schema.yaml"),
    )


@cache
def get_schema() -> Schema:
    return load_schema()


# Enums for request validation and for the only labels/types that reach Cypher.
_schema = get_schema()
EntityType = StrEnum("EntityType", {label: label for label in _schema.entity_labels})  # type: ignore[misc]
RelType = StrEnum("RelType", {rtype: rtype for rtype in _schema.relationships})  # type: ignore[misc]


def _python_type(spec: PropertySpec) -> Any:
    match spec.type:
        case "id":
            return str
        case "string" | "text":
            return str
        case "number":
            return float
        case "integer":
            return int
        case "date":
            return date
        case "boolean":
            return bool
        case "enum":
            return Literal[spec.values]
        case "list[string]":
            return list[str]
        case "map[string]":
            return dict[str, str]
    raise SchemaDefinitionError(f"unhandled property type {spec.type}")


def _field(spec: PropertySpec) -> tuple[Any, Any]:
    kind = _python_type(spec)
    extra: dict[str, Any] = {"description": spec.description}
    if spec.type == "id":
        extra["pattern"] = ID_PATTERN
    elif spec.pattern:
        extra["pattern"] = spec.pattern
    if spec.type in ("string", "text", "id"):
        extra["min_length"] = 1
    if spec.required:
        return kind, Field(..., **extra)
    return kind | None, Field(None, **extra)


@cache
def properties_model(kind: str) -> type[BaseModel]:
    """A strict pydantic model of the type-specific properties of a node or relationship type."""
    schema = get_schema()
    specs = schema.nodes[kind].properties if kind in schema.nodes else \
        schema.relationships[kind].properties
    fields = {name: _field(spec) for name, spec in specs.items()}
    model: type[BaseModel] = create_model(  # type: ignore[call-overload]
        f"{kind.title().replace('_', '')}Properties",
        __config__=ConfigDict(extra="forbid"), **fields,
    )
    return model


def apply_schema(graph: Graph, schema: Schema | None = None) -> dict[str, Any]:
    """Create constraints and indexes (IF NOT EXISTS) and record the version.

    Running it twice changes nothing: the meta node is only touched when the
    version or checksum differs.
    """
    schema = schema or get_schema()
    for statement in statements(get_settings().schema_dir / "constraints.cypher"):
        graph.write(statement)
    graph.write("CALL db.awaitIndexes(300)")
    rows = graph.write(load("schema_record_version"), version=schema.version,
                       checksum=schema.checksum)
    return rows[0]


def schema_version(graph: Graph) -> dict[str, Any] | None:
    rows = graph.read(load("schema_version"))
    return rows[0] if rows else None
