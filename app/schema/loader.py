"""Read `graph/schema/` (one YAML file per type) into plain dataclasses, cross-checked.

Nothing is read at import: `get_schema()` reads the files on first use and keeps them.
"""

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

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
    # A standard predicate ("schema:abstract") instead of our own mg:<camelCase>.
    rdf_predicate: str | None = None


@dataclass(frozen=True)
class NodeType:
    label: str
    description: str
    rdf_class: str
    properties: dict[str, PropertySpec]
    is_entity: bool = True
    # How the browser draws the type: colour, Cytoscape shape and the letter on the node.
    display: dict[str, str] = field(default_factory=dict)
    # The stages a cited lifecycle may hold (Agreement, Policy); empty: the type has none.
    lifecycle: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelationshipType:
    type: str
    description: str
    from_labels: tuple[str, ...]
    to_labels: tuple[str, ...]
    properties: dict[str, PropertySpec]
    rdf_predicate: str | None = None


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
            rdf_predicate=spec.get("rdf_predicate"),
        )
    return specs


def _read_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise SchemaDefinitionError(f"{path}: expected a mapping")
    return data


DISPLAY_KEYS = {"color", "shape", "letter"}
# Every lifecycle stage a type may declare, in the order status derivation ranks them.
LIFECYCLE_STAGES = ("announced", "signed", "in_force", "funded", "suspended", "ended")


def _display(raw: dict[str, Any], path: Path) -> dict[str, str]:
    """A type without `display` is drawn as a grey circle with its initial."""
    given = raw.get("display") or {}
    if set(given) - DISPLAY_KEYS:
        raise SchemaDefinitionError(f"{path}: display takes only {', '.join(sorted(DISPLAY_KEYS))}")
    default = {"color": "#999999", "shape": "ellipse", "letter": str(raw.get("label", "?"))[:1]}
    return {**default, **{key: str(value) for key, value in given.items()}}


def _stages(raw: dict[str, Any], path: Path) -> tuple[str, ...]:
    stages = tuple(str(s) for s in raw.get("lifecycle") or ())
    unknown = [s for s in stages if s not in LIFECYCLE_STAGES]
    if unknown:
        raise SchemaDefinitionError(f"{path}: unknown lifecycle stages {unknown}; "
                                    f"known: {', '.join(LIFECYCLE_STAGES)}")
    return stages


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
                                is_entity=raw.get("entity", True), display=_display(raw, path),
                                lifecycle=_stages(raw, path))

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
                                       _properties(raw.get("properties"), str(path)),
                                       rdf_predicate=raw.get("rdf_predicate"))

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


def wikidata_pattern() -> str:
    """The one Wikidata id pattern, as `schema.yaml` declares it."""
    pattern = get_schema().entity_properties["wikidata_qid"].pattern
    if pattern is None:
        raise SchemaDefinitionError("schema.yaml: wikidata_qid declares no pattern")
    return pattern
