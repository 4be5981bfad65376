"""The terms the Emitter makes, two ways: rdflib objects for the graphs documents and
rdflib's serializers are built from, or N-Triples text for the dumps (rdf/lines.py),
which skip the objects. Which lexical form a value takes is decided once, in `literal`;
the text terms are that literal as rdflib would write it (tests/test_rdf.py compares the
two line for line)."""

from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from neo4j.time import Date, DateTime
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from app.rdf.lines import escape_iri, escape_literal, format_term
from app.schema.loader import PropertySpec

XSD_DATE, XSD_DATETIME = f"^^<{XSD.date}>", f"^^<{XSD.dateTime}>"


def native(value: Any) -> Any:
    if isinstance(value, Date | DateTime):
        return value.to_native()
    return value


@lru_cache(maxsize=4096)  # bounded: a dump of millions of records keeps flat memory
def plain_literal(text: str) -> Literal:
    """A plain literal for the values that repeat (modes, types, fields)."""
    return Literal(text)


@cache
def index_literal(i: int) -> Literal:
    return Literal(i, datatype=XSD.integer)


def literal(value: Any, spec: PropertySpec | None = None) -> Literal:
    if type(value) in (float, int, bool):  # confidences and counts repeat: made once each
        return kind_literal(value, spec.type if spec else None)
    return _literal(value, spec)


@lru_cache(maxsize=4096)
def kind_literal(value: Any, kind: str | None) -> Literal:
    """The literal of a repeating value (a number, a day) for a property of type `kind`,
    made once: the text and JSON-LD terms format it from here."""
    return _literal(value, PropertySpec("", kind) if kind else None)


def _literal(value: Any, spec: PropertySpec | None = None) -> Literal:
    value = native(value)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, datetime):
        return Literal(value, datatype=XSD.dateTime)
    if isinstance(value, date):
        return Literal(value, datatype=XSD.date)
    if isinstance(value, int) and (spec is None or spec.type == "integer"):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, int | float):
        return Literal(Decimal(repr(float(value))), datatype=XSD.decimal)
    return Literal(str(value))


class RdflibTerms:
    """rdflib's objects: what an rdflib Graph or Dataset holds."""

    iri = staticmethod(URIRef)
    text = staticmethod(Literal)
    literal = staticmethod(literal)
    plain = staticmethod(plain_literal)
    index = staticmethod(index_literal)

    @staticmethod
    def lang(text: str, lang: str) -> Node:
        return Literal(text, lang=lang)

    @staticmethod
    def day(text: str) -> Node:
        return Literal(text, datatype=XSD.date)


class LineTerms:
    """The same terms as N-Triples text. Strings, dates and datetimes (one or more per
    record, rarely repeated) are formatted straight away; numbers and repeated values are
    rdflib's literal formatted once and kept."""

    iri = staticmethod(escape_iri)

    @staticmethod
    def text(value: str) -> str:
        return f'"{escape_literal(value)}"'

    @staticmethod
    def literal(value: Any, spec: PropertySpec | None = None) -> str:
        kind = type(value)
        if kind is str:
            return f'"{escape_literal(value)}"'
        if kind is datetime:  # rdflib's lexical form of a datetime: its isoformat
            return f'"{value.isoformat()}"{XSD_DATETIME}'
        if kind is date:
            return f'"{value.isoformat()}"{XSD_DATE}'
        return _formatted(value, spec.type if spec else None)

    @staticmethod
    def plain(text: str) -> str:
        return _plain(text)

    @staticmethod
    def index(i: int) -> str:
        return _index(i)

    @staticmethod
    def lang(text: str, lang: str) -> str:
        return f'"{escape_literal(text)}"@{lang}'

    @staticmethod
    def day(text: str) -> str:
        return format_term(Literal(text, datatype=XSD.date))


@lru_cache(maxsize=4096)
def _formatted(value: Any, kind: str | None) -> str:
    return format_term(kind_literal(value, kind))


@lru_cache(maxsize=4096)
def _plain(text: str) -> str:
    return f'"{escape_literal(text)}"'


@cache
def _index(i: int) -> str:
    return format_term(index_literal(i))
