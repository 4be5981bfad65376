"""The RDF formats we speak, and content negotiation over them."""

from dataclasses import dataclass

from app.errors import GraphError


class UnsupportedFormat(GraphError):
    """No offered media type fits the Accept header."""

    status_code = 406
    title = "not acceptable"


class UnknownFormat(GraphError):
    """A ?format= value we do not know."""

    status_code = 400
    title = "unknown format"


@dataclass(frozen=True)
class RdfFormat:
    name: str          # our name, used in ?format= and /export?format=
    media_type: str
    extension: str
    rdflib: str        # rdflib's serializer/parser name
    quads: bool = False
    streams: bool = True


FORMATS = {f.name: f for f in [
    RdfFormat("turtle", "text/turtle", "ttl", "turtle"),
    RdfFormat("nt", "application/n-triples", "nt", "nt"),
    RdfFormat("jsonld", "application/ld+json", "jsonld", "json-ld"),
    RdfFormat("xml", "application/rdf+xml", "rdf", "xml", streams=False),
    RdfFormat("trig", "application/trig", "trig", "trig", quads=True),
    RdfFormat("nquads", "application/n-quads", "nq", "nquads", quads=True),
]}
ALIASES = {"ttl": "turtle", "n-triples": "nt", "ntriples": "nt", "json-ld": "jsonld",
           "rdf": "xml", "rdfxml": "xml", "rdf+xml": "xml", "nq": "nquads", "n-quads": "nquads"}
BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS.values()}
# What an entity URI can answer besides RDF.
HTML, JSON = "text/html", "application/json"
ENTITY_MEDIA_TYPES = [HTML, JSON, *BY_MEDIA_TYPE]


def rdf_format(name: str) -> RdfFormat:
    key = ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise UnknownFormat(
            f"unknown format {name!r}; supported: {', '.join([*FORMATS, *ALIASES])}",
            supported=list(FORMATS))
    return FORMATS[key]
