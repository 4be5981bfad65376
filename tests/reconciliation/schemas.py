"""JSON Schemas for the Reconciliation Service API 0.2 answers, written for this project
from the W3C Entity Reconciliation Community Group's final report (the spec repository's
own schemas carry no licence, so none is copied). Each says what the report's MUST and
required members are; extra members are allowed, as the report allows them."""

from typing import Any

SERVICE = {"type": "object", "required": ["service_url", "service_path"],
           "properties": {"service_url": {"type": "string", "format": "uri"},
                          "service_path": {"type": "string"}}}
TYPE = {"type": "object", "required": ["id", "name"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}

MANIFEST: dict[str, Any] = {
    "type": "object",
    "required": ["versions", "name", "identifierSpace", "schemaSpace"],
    "properties": {
        "versions": {"type": "array", "items": {"type": "string"}, "contains": {"const": "0.2"}},
        "name": {"type": "string", "minLength": 1},
        "identifierSpace": {"type": "string", "format": "uri"},
        "schemaSpace": {"type": "string", "format": "uri"},
        "defaultTypes": {"type": "array", "items": TYPE},
        "view": {"type": "object", "required": ["url"],
                 "properties": {"url": {"type": "string", "pattern": r"\{\{id\}\}"}}},
        "preview": {"type": "object", "required": ["url", "width", "height"],
                    "properties": {"url": {"type": "string", "pattern": r"\{\{id\}\}"},
                                   "width": {"type": "integer", "minimum": 1},
                                   "height": {"type": "integer", "minimum": 1}}},
        "suggest": {"type": "object", "properties": {k: SERVICE for k in ("entity", "type", "property")}},
        "extend": {"type": "object", "properties": {
            "propose_properties": SERVICE,
            "property_settings": {"type": "array", "items": {
                "type": "object", "required": ["name", "label", "type"],
                "properties": {"name": {"type": "string"}, "label": {"type": "string"},
                               "type": {"enum": ["number", "text", "checkbox", "select"]}}}}}},
        "batchSize": {"type": "integer", "minimum": 1},
    },
}

CANDIDATE = {
    "type": "object", "required": ["id", "name", "score", "match"],
    "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "score": {"type": "number"},
        "match": {"type": "boolean"}, "description": {"type": "string"},
        "type": {"type": "array", "items": TYPE},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["id", "value"],
            "properties": {"id": {"type": "string"}, "value": {"type": ["number", "boolean"]}}}},
    },
}
QUERY_RESPONSE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": {"type": "object", "required": ["result"],
                             "properties": {"result": {"type": "array", "items": CANDIDATE}}},
}

SUGGEST: dict[str, Any] = {
    "type": "object", "required": ["result"],
    "properties": {"result": {"type": "array", "items": {
        "type": "object", "required": ["id", "name"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                       "description": {"type": "string"},
                       "notable": {"type": "array", "items": {"anyOf": [TYPE, {"type": "string"}]}}}}}},
}

PROPOSE: dict[str, Any] = {
    "type": "object", "required": ["type", "properties"],
    "properties": {"type": {"type": "string"}, "limit": {"type": "integer"},
                   "properties": {"type": "array", "items": TYPE}},
}

VALUE = {"oneOf": [
    {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}}},
    {"type": "object", "required": ["str"], "properties": {"str": {"type": "string"}}},
    {"type": "object", "required": ["float"], "properties": {"float": {"type": "number"}}},
    {"type": "object", "required": ["int"], "properties": {"int": {"type": "integer"}}},
    {"type": "object", "required": ["date"], "properties": {"date": {"type": "string"}}},
    {"type": "object", "required": ["bool"], "properties": {"bool": {"type": "boolean"}}},
]}
EXTEND: dict[str, Any] = {
    "type": "object", "required": ["meta", "rows"],
    "properties": {
        "meta": {"type": "array", "items": {"type": "object", "required": ["id", "name"]}},
        "rows": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": {"type": "array", "items": VALUE}}},
    },
}
