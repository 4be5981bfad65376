"""Python types built from the schema: the `EntityType` and `RelType` enums (the only labels
and relationship types that ever reach Cypher) and a pydantic model per type's properties.

The enums are built when this module is first imported: pydantic models annotate their
fields with them, so they must exist when those classes are defined.
"""

from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from app.schema.loader import ID_PATTERN, PropertySpec, SchemaDefinitionError, get_schema

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


