"""Linked-data documents: one entity or source, the VoID/DCAT description, the
vocabulary and the shapes, each under the deployment's base URI."""

from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef

from app.errors import NotFound
from app.model.params import FAR_FUTURE
from app.rdf.export import NOW, PAGE_SIZE, View, emit_page, export_chunks, new_store, page_plan, prefixes
from app.rdf.formats import FORMATS, RdfFormat
from app.rdf.mapping import Emitter, property_predicate, relationship_predicate
from app.rdf.vocab import DCAT, DCTERMS, OWL, RDF, RDFS, SCHEMA, VOID, XSD, Base
from app.reads.entities import get_entity_rows
from app.reads.facts import get_fact_row
from app.schema.loader import get_schema
from app.settings import get_settings
from app.store.cypher import load
from app.store.db import Graph as Neo4jGraph
from app.store.db import Plan, step

SHAPES_VOCAB = "http://127.0.0.1:8000/vocab#"  # the prefix written in shapes.ttl
_TRIPLE_COUNTS: dict[tuple[object, ...], int] = {}


def serialize(store: Graph, fmt: RdfFormat, base: Base) -> bytes:
    if fmt.quads and not store.context_aware:
        store = in_default_graph(store)
    if fmt.name == "jsonld":
        return store.serialize(format="json-ld", context=prefixes(base), auto_compact=True,
                               encoding="utf-8")
    return store.serialize(format=fmt.rdflib, encoding="utf-8")


def in_default_graph(store: Graph) -> Dataset:
    """A plain graph (the vocabulary, VoID) as a dataset's default graph, for TriG and N-Quads."""
    dataset = Dataset()
    for prefix, namespace in store.namespaces():
        dataset.bind(prefix, namespace, override=True)
    for triple in store:
        dataset.add(triple)
    return dataset


def resource_document(ident: str, fmt: RdfFormat, base: Base, t: datetime = FAR_FUTURE,
                      as_of: date | None = None) -> Plan[bytes]:
    """The description of one entity (with every relationship it takes part in, as recorded
    at `t` and valid on `as_of`) or source."""
    store = new_store(fmt, base)
    emitter = Emitter(base, store)
    try:
        props, rels = yield from get_entity_rows(ident, t, as_of)
    except NotFound:
        rows = yield step(load("source_props"), id=ident, t=t)
        if not rows:
            raise NotFound(f"no entity or source with id {ident!r}", id=ident) from None
        emitter.source(rows[0]["props"])
        return serialize(store, fmt, base)
    emitter.entity(props)
    for rel in rels:
        ends = (props["id"], rel["other"]["id"])
        start, end = ends if rel["direction"] == "out" else ends[::-1]
        emitter.relationship(start, rel["type"], end, rel["props"])
    return serialize(store, fmt, base)


def fact_document(fact_id: str, fmt: RdfFormat, base: Base) -> Plan[bytes]:
    """The description of one fact: the relationship's triple and its citations."""
    row = yield from get_fact_row(fact_id)
    store = new_store(fmt, base)
    Emitter(base, store).relationship(row["subject"]["id"], row["type"], row["object"]["id"], row["props"])
    return serialize(store, fmt, base)


def count_triples(base: Base) -> Plan[int]:
    """Triples in the full export (the union of its named graphs), page by page."""
    total = 0

    def count(kind: str, rows: list[dict[str, Any]]) -> None:
        nonlocal total
        store = Graph()
        emit_page(Emitter(base, store), kind, rows)
        total += len(store)

    yield from page_plan(PAGE_SIZE, count)
    return total


def dataset_description(base: Base) -> Plan[Graph]:
    """VoID and DCAT: size, license, vocabularies, dumps, an example resource."""
    stats = (yield step(load("dataset_stats")))[0]
    g = Graph()
    for prefix, iri in prefixes(base).items():
        g.bind(prefix, iri)
    d = URIRef(base.dataset)
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, DCTERMS.title, Literal("Migration news knowledge graph", lang="en")))
    g.add((d, DCTERMS.description, Literal(
        "Actors, policies, agreements and countries behind migration news; every fact cites "
        "the exact words of its source.", lang="en")))
    g.add((d, DCTERMS.license, URIRef(get_settings().dataset_license)))
    if stats["modified"]:
        g.add((d, DCTERMS.modified, Literal(datetime.fromisoformat(stats["modified"]),
                                            datatype=XSD.dateTime)))
    version = (base.base, stats["entities"], stats["changes"], stats["last_change"])
    if version not in _TRIPLE_COUNTS:  # counting re-emits the whole graph: once per version
        _TRIPLE_COUNTS.clear()
        _TRIPLE_COUNTS[version] = yield from count_triples(base)
    g.add((d, VOID.triples, Literal(_TRIPLE_COUNTS[version], datatype=XSD.integer)))
    g.add((d, VOID.entities, Literal(stats["entities"], datatype=XSD.integer)))
    g.add((d, VOID.uriSpace, Literal(f"{base.base}/id/")))
    g.add((d, VOID.uriLookupEndpoint, URIRef(f"{base.base}/entities?q=")))
    if stats["example"]:
        g.add((d, VOID.exampleResource, URIRef(base.entity(stats["example"]))))
    for vocabulary in ("schema", "org", "prov", "dct", "foaf", "owl", "time", "mg"):
        g.add((d, VOID.vocabulary, URIRef(prefixes(base)[vocabulary])))
    g.add((d, DCTERMS.conformsTo, URIRef(f"{base.base}/shapes.ttl")))
    for fmt in FORMATS.values():
        url = URIRef(f"{base.base}/export?format={fmt.name}")
        dist = URIRef(f"{base.dataset}-{fmt.name}")
        g.add((d, VOID.dataDump, url))
        g.add((d, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, Literal(fmt.media_type)))
        g.add((dist, DCTERMS.title, Literal(f"Full dump, {fmt.name}")))
    return g


def _datatype_property(g: Graph, predicate: URIRef, comment: str, v: Any) -> None:
    if str(predicate).startswith(str(v)):
        g.add((predicate, RDF.type, OWL.DatatypeProperty))
        g.add((predicate, RDFS.comment, Literal(comment, lang="en")))


def vocabulary(base: Base) -> Graph:
    """Our own terms, each tied to the standard term it refines."""
    schema, v = get_schema(), base.vocab
    g = Graph()
    for prefix, iri in prefixes(base).items():
        g.bind(prefix, iri)
    for cls, comment in ((v.Entity, "Anything the graph describes."),
                         (v.Source, "A document facts cite."),
                         (v.Fact, "One cited relationship, reified."),
                         (v.Citation, "One citation: a quote from a source supporting a fact."),
                         (v.LifecycleStage, "A cited stage in an agreement's or policy's life "
                          "(also a schema:Event).")):
        g.add((cls, RDF.type, OWL.Class))
        g.add((cls, RDFS.comment, Literal(comment, lang="en")))
    for label, node in schema.nodes.items():
        if not node.is_entity:
            continue
        g.add((v[label], RDF.type, OWL.Class))
        g.add((v[label], RDFS.subClassOf, v.Entity))
        g.add((v[label], RDFS.label, Literal(label, lang="en")))
        g.add((v[label], RDFS.comment, Literal(node.description, lang="en")))
        for name, spec in node.properties.items():
            _datatype_property(g, property_predicate(name, spec, base), spec.description, v)
    for rtype, rel in schema.relationships.items():
        predicate = relationship_predicate(rtype, base)
        if str(predicate).startswith(str(v)):
            g.add((predicate, RDF.type, OWL.ObjectProperty))
            g.add((predicate, RDFS.label, Literal(rtype, lang="en")))
            g.add((predicate, RDFS.comment, Literal(rel.description, lang="en")))
        for name, spec in rel.properties.items():  # on a Fact: purpose, how, under, ...
            _datatype_property(g, property_predicate(name, spec, base), spec.description, v)
    for name, comment in (("quote", "The exact words in the source."),
                          ("confidence", "0 to 1: how sure the curator is."),
                          ("mode", "asserted, or attributed to someone by the source."),
                          ("relationshipType", "The graph's relationship type of a Fact."),
                          ("citationIndex", "A citation's place among its fact's citations, from 0."),
                          ("supports", "An attribute of the entity that the citation supports."),
                          ("sourceKind", "news_article, document, press_release or report."),
                          ("stage", "announced, signed, in_force, funded, suspended or ended."),
                          ("contentHash", "sha256 of the source's text: the quotes are checked "
                           "against this text.")):
        g.add((v[name], RDF.type, OWL.DatatypeProperty))
        g.add((v[name], RDFS.comment, Literal(comment, lang="en")))
    g.add((v.lifecycleStage, RDF.type, OWL.ObjectProperty))
    g.add((v.lifecycleStage, RDFS.comment, Literal("One of an agreement's or policy's lifecycle "
                                                   "stages; its status is the latest.", lang="en")))
    g.add((SCHEMA.Claim, RDFS.seeAlso, v.Statement))
    return g


@cache
def _shapes_text() -> str:
    path: Path = get_settings().schema_dir / "shapes.ttl"
    return path.read_text(encoding="utf-8")


def shapes(base: Base) -> Graph:
    """The SHACL shapes with their `mg:` terms moved to this deployment's vocabulary."""
    text = _shapes_text().replace(f"<{SHAPES_VOCAB}>", f"<{base.vocab}>")
    return Graph().parse(data=text, format="turtle")


def stream_export(graph: Neo4jGraph, fmt: RdfFormat, base: Base, view: View = NOW) -> Iterator[bytes]:
    """Check the database before the first byte, so an outage is a 503, not a cut stream."""
    graph.ping()
    return export_chunks(graph, fmt, base, view=view)
