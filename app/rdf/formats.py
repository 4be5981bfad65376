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
