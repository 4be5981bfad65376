"""What an entity URI answers, by media type: RDF, the API's JSON, or HTML."""

from dataclasses import dataclass

from app.catalog import get_source
from app.db import Graph
from app.entities import get_entity
from app.errors import NotFound
from app.html import browser_page, entity_fragment, source_page
from app.rdf.documents import resource_document
from app.rdf.formats import BY_MEDIA_TYPE, ENTITY_MEDIA_TYPES, HTML, JSON, negotiate, rdf_format
from app.rdf.vocab import Base

DEFAULT_MEDIA_TYPE = "text/turtle"  # for */*: the URI names an RDF resource


@dataclass
class Representation:
    media_type: str
    body: bytes


def choose_media_type(accept: str | None, format_param: str | None) -> str:
    """?format= wins over Accept; both are checked against what we offer."""
    if format_param:
        if format_param.lower() in ("json", "html"):
            return JSON if format_param.lower() == "json" else HTML
        return rdf_format(format_param).media_type
    return negotiate(accept, ENTITY_MEDIA_TYPES, DEFAULT_MEDIA_TYPE)


def _json_or_html(graph: Graph, ident: str, media_type: str) -> bytes:
    try:
        entity = graph.run(get_entity(ident))
        if media_type == JSON:
            return entity.model_dump_json(by_alias=True).encode()
        return browser_page(entity_fragment(entity)).encode()
    except NotFound:
        pass
    try:
        source = get_source(graph, ident)
    except NotFound:
        raise NotFound(f"no entity or source with id {ident!r}", id=ident) from None
    if media_type == JSON:
        return source.model_dump_json(by_alias=True).encode()
    return source_page(source).encode()


def represent(graph: Graph, ident: str, media_type: str, base: Base) -> Representation:
    if media_type in (JSON, HTML):
        return Representation(media_type, _json_or_html(graph, ident, media_type))
    fmt = BY_MEDIA_TYPE[media_type]
    return Representation(media_type, resource_document(graph, ident, fmt, base))
