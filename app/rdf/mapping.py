"""Rows from Neo4j to RDF triples (and the reverse maps the importer needs).

Each relationship becomes the direct triple `<from> <predicate> <to>` for simple
consumers, plus an `rdf:Statement` node at /fact/{id} that carries its dates and
`prov:wasDerivedFrom` its sources, with one qualified `prov:Derivation` per
citation holding the quote, confidence and mode. Plain RDF 1.1: no RDF-star.
"""

from collections.abc import Callable
from functools import cache
from typing import Any, Protocol

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from app.rdf.jsonld import JsonNodes, JsonTerms
from app.rdf.lines import Lines
from app.rdf.terms import LineTerms, RdflibTerms
from app.rdf.vocab import (
    DCTERMS,
    FOAF,
    GOVERNMENT_KINDS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    TIME,
    WD,
    Base,
    camel,
    curie,
)
from app.schema.loader import PropertySpec, get_schema
from app.store.codec import (
    BOOKKEEPING,
    REL_CORE,
    citation_props_of,
    decode_citations,
    decode_lifecycle,
    decode_names,
)

Triple = tuple[Node, Node, Node]
# Neo4j keys the mapping writes by hand; every other key goes through the schema.
ENTITY_CORE = {"id", "type", "name", "aliases", "names", "wikidata_qid", "recorded_at",
               "search_text", "search_keys", "lifecycle"}
SOURCE_PREDICATES = {
    "title": DCTERMS.title, "publisher": DCTERMS.publisher, "url": SCHEMA.url,
    "published": SCHEMA.datePublished, "document": DCTERMS.source, "language": DCTERMS.language,
    "text": SCHEMA.text, "content_hash": None, "kind": None,
}
SOURCE_CLASSES = {"news_article": SCHEMA.NewsArticle, "document": SCHEMA.DigitalDocument,
                  "press_release": SCHEMA.NewsArticle, "report": SCHEMA.Report}


# Hot terms of the dumps, looked up once: rdflib's defined namespaces check every access.
WAS_DERIVED_FROM, QUALIFIED_DERIVATION = PROV.wasDerivedFrom, PROV.qualifiedDerivation
DERIVATION, PROV_ENTITY, RDF_TYPE = PROV.Derivation, PROV.entity, RDF.type


class Sink(Protocol):
    """Where a triple goes: an rdflib graph, or a dump's writer (rdf/lines.py, rdf/jsonld.py).
    Its terms are rdflib Nodes, or the writer's own text and values (rdf/terms.py, jsonld.py)
    beside the vocabulary's rdflib terms."""

    def add(self, triple: tuple[Any, Any, Any], /) -> Any: ...


def _schema_class(label: str) -> URIRef:
    return curie(get_schema().nodes[label].rdf_class)


@cache
def relationship_predicate(rel_type: str, base: Base) -> URIRef:
    """The schema's standard predicate for the type, else our own mg:<camelCase>."""
    standard = get_schema().relationships[rel_type].rdf_predicate
    return curie(standard) if standard else base.vocab[camel(rel_type)]


def property_predicate(name: str, spec: PropertySpec | None, base: Base) -> URIRef:
    """The property's standard predicate (its spec's `rdf_predicate`), else mg:<camelCase>."""
    if spec is not None and spec.rdf_predicate:
        return curie(spec.rdf_predicate)
    return base.vocab[camel(name)]


class Emitter:
    """Adds the triples of one source, entity or relationship to a Dataset or Graph, or to a
    dump's writer, with the terms that sink takes (`self.t`)."""

    def __init__(self, base: Base, dataset: "Dataset | Graph | Lines | JsonNodes") -> None:
        self.base = base
        self.ds = dataset
        self.v = base.vocab
        # The dumps' sinks take N-Triples text or JSON-LD values: no rdflib objects made.
        self.t: type[LineTerms | JsonTerms | RdflibTerms] = (
            LineTerms if isinstance(dataset, Lines) else JsonTerms if isinstance(dataset, JsonNodes)
            else RdflibTerms)

    def _graph(self, source_id: str | None) -> Sink:
        if isinstance(self.ds, Lines | JsonNodes):  # the dumps: each triple written as it is added
            return self.ds.graph(source_id)
        if isinstance(self.ds, Dataset) and source_id:
            return self.ds.graph(URIRef(self.base.graph(source_id)))
        return self.ds if isinstance(self.ds, Graph) else self.ds.default_context

    def source(self, props: dict[str, Any]) -> None:
        t = self.t
        s = t.iri(self.base.entity(props["id"]))
        g = self._graph(props["id"])
        g.add((s, RDF.type, self.v.Source))
        g.add((s, RDF.type, SOURCE_CLASSES[props["kind"]]))
        g.add((s, DCTERMS.identifier, t.text(props["id"])))
        g.add((s, self.v.sourceKind, t.text(props["kind"])))
        g.add((s, self.v.contentHash, t.text(props["content_hash"])))
        if props.get("recorded_at") is not None:
            g.add((s, PROV.generatedAtTime, t.literal(props["recorded_at"])))
        for key, predicate in SOURCE_PREDICATES.items():
            if predicate is not None and props.get(key) is not None:
                g.add((s, predicate, t.literal(props[key])))

    def _citations(self, g_for: Callable[[str], Sink], subject: Any, anchor: str,
                   props: dict[str, Any], tag: str = "citation") -> None:
        """One qualified derivation per citation, at <anchor>#<tag>-<i>."""
        v, t = self.v, self.t
        for i, cite in enumerate(decode_citations(props)):
            c = t.iri(f"{anchor}#{tag}-{i}")
            source = t.iri(self.base.entity(cite["source"]))
            g = g_for(cite["source"])
            g.add((subject, WAS_DERIVED_FROM, source))
            g.add((subject, QUALIFIED_DERIVATION, c))
            g.add((c, RDF_TYPE, DERIVATION))
            g.add((c, RDF_TYPE, v.Citation))
            g.add((c, PROV_ENTITY, source))
            g.add((c, v.citationIndex, t.index(i)))
            g.add((c, v.quote, t.text(cite["quote"])))
            g.add((c, v.confidence, t.literal(float(cite["confidence"]))))
            g.add((c, v.mode, t.plain(cite["mode"])))
            for field in cite["fields"]:
                g.add((c, v.supports, t.plain(field)))
            if cite["attributed_to"]:
                agent = t.iri(self.base.entity(cite["attributed_to"]))
                attribution = t.iri(f"{anchor}#{tag}-{i}-attribution")
                g.add((c, PROV.wasAttributedTo, agent))
                g.add((c, PROV.qualifiedAttribution, attribution))
                g.add((attribution, RDF.type, PROV.Attribution))
                g.add((attribution, PROV.agent, agent))

    def _home(self, props: dict[str, Any]) -> str | None:
        sources = props.get("cite_sources") or []
        return sources[0] if sources else None

    def entity(self, props: dict[str, Any]) -> None:
        label = props["type"]
        node = get_schema().nodes[label]
        t, iri = self.t, self.base.entity(props["id"])
        s = t.iri(iri)
        g = self._graph(self._home(props))
        g.add((s, RDF.type, self.v.Entity))
        g.add((s, RDF.type, self.v[label]))
        cls = _schema_class(label)
        if label == "Organization" and props.get("kind") in GOVERNMENT_KINDS:
            cls = SCHEMA.GovernmentOrganization
        g.add((s, RDF.type, cls))
        if label == "Person":
            g.add((s, RDF.type, PROV.Agent))
        name = t.text(props["name"])
        g.add((s, DCTERMS.identifier, t.text(props["id"])))
        g.add((s, RDFS.label, name))
        g.add((s, SCHEMA.name, name))
        if label == "Person":
            g.add((s, RDF.type, FOAF.Person))
            g.add((s, FOAF.name, name))
        for alias in props.get("aliases") or []:
            g.add((s, SCHEMA.alternateName, t.text(alias)))
        for lang, text in decode_names(props.get("names")).items():
            g.add((s, SCHEMA.name, t.lang(text, lang)))
        if props.get("wikidata_qid"):
            g.add((s, OWL.sameAs, t.iri(f"{WD}{props['wikidata_qid']}")))
        if props.get("recorded_at") is not None:
            g.add((s, PROV.generatedAtTime, t.literal(props["recorded_at"])))
        specs = {**get_schema().entity_properties, **node.properties}
        for key, value in props.items():
            if key in ENTITY_CORE or key in BOOKKEEPING or key.startswith("cite_") or value is None:
                continue
            spec = specs.get(key)
            predicate = property_predicate(key, spec, self.base)
            for item in value if isinstance(value, list) else [value]:
                g.add((s, predicate, t.literal(item, spec)))
        self._citations(self._graph, s, iri, props)
        self._lifecycle(s, iri, props)

    def _lifecycle(self, s: Any, iri: str, props: dict[str, Any]) -> None:
        """Each stage a dated schema:Event at <entity>#stage-<k>, in its citation's graph."""
        t = self.t
        for k, stage in enumerate(decode_lifecycle(props)):
            node, cite = t.iri(f"{iri}#stage-{k}"), stage["citation"]
            g = self._graph(cite["source"])
            g.add((s, self.v.lifecycleStage, node))
            g.add((node, RDF.type, SCHEMA.Event))
            g.add((node, RDF.type, self.v.LifecycleStage))
            g.add((node, self.v.stage, t.text(stage["stage"])))
            g.add((node, SCHEMA.name, t.text(stage["stage"].replace("_", " "))))
            if stage.get("date"):
                g.add((node, SCHEMA.startDate, t.day(stage["date"])))
            if stage.get("date_text"):
                g.add((node, self.v.dateText, t.text(stage["date_text"])))
            self._citations(self._graph, node, iri, citation_props_of([cite]), f"stage-{k}-citation")

    def relationship(self, from_id: str, rel_type: str, to_id: str, props: dict[str, Any]) -> None:
        t, fact_iri = self.t, self.base.fact(props["id"])
        s, o = t.iri(self.base.entity(from_id)), t.iri(self.base.entity(to_id))
        predicate = relationship_predicate(rel_type, self.base)
        fact = t.iri(fact_iri)
        g = self._graph(self._home(props))
        g.add((s, predicate, o))
        g.add((fact, RDF.type, RDF.Statement))
        g.add((fact, RDF.type, self.v.Fact))
        g.add((fact, RDF.subject, s))
        g.add((fact, RDF.predicate, predicate))
        g.add((fact, RDF.object, o))
        g.add((fact, DCTERMS.identifier, t.text(props["id"])))
        g.add((fact, self.v.relationshipType, t.plain(rel_type)))
        if props.get("valid_from") is not None:
            g.add((fact, SCHEMA.startDate, t.literal(props["valid_from"])))
        if props.get("valid_to") is not None:
            g.add((fact, SCHEMA.endDate, t.literal(props["valid_to"])))
        if rel_type == "HOLDS_POST" and (props.get("valid_from") or props.get("valid_to")):
            self._membership(g, fact_iri, s, o, props)
        if props.get("date_text"):
            g.add((fact, self.v.dateText, t.text(props["date_text"])))
        if props.get("recorded_at") is not None:
            g.add((fact, PROV.generatedAtTime, t.literal(props["recorded_at"])))
        specs = get_schema().relationships[rel_type].properties
        for key, value in props.items():
            if key in REL_CORE or key in BOOKKEEPING or key.startswith("cite_") or value is None:
                continue
            spec = specs.get(key)
            predicate = property_predicate(key, spec, self.base)
            for item in value if isinstance(value, list) else [value]:
                g.add((fact, predicate, t.literal(item, spec)))
        self._citations(self._graph, fact, fact_iri, props)

    def _membership(self, g: Sink, fact_iri: str, person: Any, post: Any,
                    props: dict[str, Any]) -> None:
        """W3C ORG: a dated office holding is also an org:Membership with org:memberDuring."""
        t = self.t
        fact, interval = t.iri(fact_iri), t.iri(f"{fact_iri}#during")
        g.add((fact, RDF.type, ORG.Membership))
        g.add((fact, ORG.member, person))
        g.add((fact, ORG.role, post))
        g.add((fact, ORG.memberDuring, interval))
        g.add((interval, RDF.type, TIME.Interval))
        for key, edge in (("valid_from", TIME.hasBeginning), ("valid_to", TIME.hasEnd)):
            if props.get(key) is not None:
                instant = t.iri(f"{fact_iri}#{key}")
                g.add((interval, edge, instant))
                g.add((instant, RDF.type, TIME.Instant))
                g.add((instant, TIME.inXSDDate, t.literal(props[key])))
