"""Content negotiation: which media type a request gets, and what an entity URI answers in it
(RDF, the API's JSON, or HTML)."""

from datetime import date, datetime

from app.errors import NotFound
from app.model.params import FAR_FUTURE
from app.rdf.documents import fact_document, resource_document
from app.rdf.formats import BY_MEDIA_TYPE, ENTITY_MEDIA_TYPES, HTML, JSON, UnsupportedFormat, rdf_format
from app.rdf.vocab import Base
from app.reads.catalog import get_source
from app.reads.entities import get_entity
from app.reads.facts import get_fact
from app.store.db import Plan
from app.web.html import browser_page, entity_fragment, fact_page, source_page

DEFAULT_MEDIA_TYPE = "text/turtle"  # for */*: the URI names an RDF resource


def _parse_accept(header: str) -> list[tuple[str, float, int]]:
    ranges = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, index))
    return ranges


def negotiate(accept: str | None, offered: list[str], default: str) -> str:
    """Pick the offered media type the client prefers (q-values, then specificity, then order)."""
    if not accept or not accept.strip():
        return default
    best: tuple[float, int, int, str] | None = None
    for media, q, index in _parse_accept(accept):
        if q <= 0:
            continue
        for candidate in offered:
            if media == candidate:
                specificity = 2
            elif media == "*/*":
                candidate, specificity = default, 0
            elif media.endswith("/*") and candidate.startswith(media[:-1]):
                specificity = 1
            else:
                continue
            key = (q, specificity, -index, candidate)
            if best is None or key[:3] > best[:3]:
                best = key
            if media == "*/*":
                break
    if best is None:
        raise UnsupportedFormat(f"cannot answer Accept: {accept}; supported: {', '.join(offered)}",
                                supported=offered)
    return best[3]


def choose_media_type(accept: str | None, format_param: str | None) -> str:
    """?format= wins over Accept; both are checked against what we offer."""
    if format_param:
        if format_param.lower() in ("json", "html"):
            return JSON if format_param.lower() == "json" else HTML
        return rdf_format(format_param).media_type
    return negotiate(accept, ENTITY_MEDIA_TYPES, DEFAULT_MEDIA_TYPE)


def _json_or_html(ident: str, media_type: str, t: datetime, as_of: date | None) -> Plan[bytes]:
    try:
        entity = yield from get_entity(ident, t, as_of=as_of)
        if media_type == JSON:
            return entity.model_dump_json(by_alias=True).encode()
        return browser_page(entity_fragment(entity)).encode()
    except NotFound:
        pass
    try:
        source = yield from get_source(ident, t, as_of)
    except NotFound:
        raise NotFound(f"no entity or source with id {ident!r}", id=ident) from None
    if media_type == JSON:
        return source.model_dump_json(by_alias=True).encode()
    return source_page(source).encode()


def represent(ident: str, media_type: str, base: Base, t: datetime = FAR_FUTURE,
              as_of: date | None = None) -> Plan[bytes]:
    """The body of `/id/{ident}` in `media_type`, as recorded at `t`, valid on `as_of`."""
    if media_type in (JSON, HTML):
        return (yield from _json_or_html(ident, media_type, t, as_of))
    return (yield from resource_document(ident, BY_MEDIA_TYPE[media_type], base, t, as_of))


def represent_fact(fact_id: str, media_type: str, base: Base) -> Plan[bytes]:
    """The body of `/fact/{fact_id}` in `media_type`."""
    if media_type in (JSON, HTML):
        fact = yield from get_fact(fact_id)
        if media_type == JSON:
            return fact.model_dump_json(by_alias=True).encode()
        return fact_page(fact).encode()
    return (yield from fact_document(fact_id, BY_MEDIA_TYPE[media_type], base))
