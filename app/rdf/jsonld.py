"""JSON-LD written node by node, for the dumps: the Emitter adds each triple to a page's
node objects here (JsonTerms make its values as JSON-LD value objects, no rdflib terms),
and each page is written as those objects, with compact IRIs from the published context.
tests/test_rdf.py parses the dump back and compares it with rdflib's JSON-LD."""

import json
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from app.rdf.terms import kind_literal
from app.schema.loader import PropertySpec

Value = str | dict[str, str]
RDF_TYPE = RDF.type


class Iri(str):
    """An IRI the Emitter made (a string that is not a plain literal)."""

    __slots__ = ()


class JsonTerms:
    """The Emitter's terms as JSON-LD: IRIs as `Iri`, plain literals as strings, the rest
    as value objects with the datatype's compact IRI, in rdflib's lexical forms."""

    iri = Iri

    @staticmethod
    def text(value: str) -> str:
        return value

    @staticmethod
    def literal(value: Any, spec: PropertySpec | None = None) -> Value:
        kind = type(value)
        if kind is str:
            return str(value)
        if kind is datetime:
            return {"@type": "xsd:dateTime", "@value": value.isoformat()}
        if kind is date:
            return {"@type": "xsd:date", "@value": value.isoformat()}
        return _typed(value, spec.type if spec else None)

    @staticmethod
    def plain(text: str) -> str:
        return text

    @staticmethod
    def index(i: int) -> Value:
        return {"@type": "xsd:integer", "@value": str(i)}

    @staticmethod
    def lang(text: str, lang: str) -> Value:
        return {"@language": lang, "@value": text}

    @staticmethod
    def day(text: str) -> Value:
        return _value(Literal(text, datatype=XSD.date))


@lru_cache(maxsize=4096)  # numbers and booleans repeat; bounded for flat memory
def _typed(value: Any, kind: str | None) -> Value:
    return _value(kind_literal(value, kind))


def _value(node: Literal) -> Value:
    if node.language:
        return {"@language": node.language, "@value": str(node)}
    if node.datatype is None or node.datatype == XSD.string:
        return str(node)
    datatype = str(node.datatype)
    xsd = str(XSD)
    return {"@type": f"xsd:{datatype[len(xsd):]}" if datatype.startswith(xsd) else datatype,
            "@value": str(node)}


class JsonNodes:
    """A page's node objects, one per subject; `graph(name)` is the sink for every source
    (JSON-LD is written as one default graph, as rdflib's was)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        # Longest namespace first, so mg: is not taken for a shorter prefix of it.
        self._prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self._nodes: dict[str, dict[str, Any]] = {}
        self._compact = lru_cache(maxsize=4096)(self._compact_iri)

    def graph(self, source_id: str | None) -> "JsonNodes":
        return self

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        s, p, o = triple
        node = self._nodes.get(s)
        if node is None:
            node = self._nodes[s] = {"@id": str(s)}
        key: str
        value: Value
        if p == RDF_TYPE:
            key, value = "@type", self._compact(o)
        else:
            key, value = self._compact(p), self._object(o)
        values = node.get(key)
        if values is None:
            node[key] = [value]
        elif value not in values:  # a fact citing one source twice derives from it twice
            values.append(value)

    def _object(self, o: Any) -> Value:
        if type(o) is Iri or isinstance(o, URIRef):
            return {"@id": str(o)}
        return o  # type: ignore[no-any-return]  # a string or value object of JsonTerms

    def _compact_iri(self, iri: Node) -> str:
        text = str(iri)
        for prefix, namespace in self._prefixes:
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace):]}"
        return text

    def take(self) -> Iterator[str]:
        """The page's node objects as JSON texts (a single value unwrapped), then forgets them."""
        for node in self._nodes.values():
            yield json.dumps({k: v[0] if type(v) is list and len(v) == 1 else v for k, v in node.items()},
                             ensure_ascii=False)
        self._nodes.clear()
