"""Read our own RDF export (any format) back into records, then load them like seeds:
validated as a whole, written in one transaction, or nothing at all."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from app.errors import InvalidInput, SeedError
from app.model.records import Bundle, EntityRecord, RelationshipRecord, SourceRecord
from app.rdf.formats import RdfFormat
from app.rdf.mapping import SOURCE_PREDICATES, property_predicate
from app.rdf.vocab import DCTERMS, OWL, PROV, RDF, RDFS, SCHEMA, WD, Base, base_for
from app.schema.loader import PropertySpec, get_schema
from app.store.codec import content_hash
from app.store.db import Graph as Neo4jGraph
from app.writes.loader import LoadReport, known_records, write_bundle
from app.writes.validate import check_bundle

LINE_FORMATS = {"nt", "nquads"}


def _bad_line(data: bytes, fmt: RdfFormat) -> str:
    """For line-based formats, the first line that does not parse on its own."""
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        try:
            Dataset().parse(data=line, format=fmt.rdflib)
        except Exception as exc:  # rdflib raises a different class per parser
            return f"line {number}: {line[:160]!r}: {exc}"
    return ""


def parse_rdf(data: bytes, fmt: RdfFormat) -> Dataset:
    store = Dataset(default_union=True)
    try:
        store.parse(data=data, format=fmt.rdflib)
    except Exception as exc:  # rdflib raises a different class per parser
        where = _bad_line(data, fmt) if fmt.name in LINE_FORMATS else ""
        line = getattr(exc, "lines", None)  # Turtle's and TriG's parser know where they stopped
        if not where and isinstance(line, int):
            where = f"line {line + 1}: {getattr(exc, '_why', exc)}"
        # rdflib's Turtle parser running off the end: an IndexError, or an assertion in a string
        if isinstance(exc, IndexError | AssertionError):
            where = where or "the document ends in the middle of a statement (truncated?)"
        raise InvalidInput(f"could not parse the {fmt.name} document: {where or exc}",
                           format=fmt.name) from exc
    return store


def find_base(store: Graph) -> Base:
    for cls in set(store.objects(None, RDF.type)):
        text = str(cls)
        if text.endswith("/vocab#Entity") or text.endswith("/vocab#Source"):
            return base_for(text.rsplit("/vocab#", 1)[0])
    raise InvalidInput("no entities or sources of this service's vocabulary in the document")


def python_value(term: Node, spec: PropertySpec | None) -> Any:
    if not isinstance(term, Literal):
        return str(term)
    value = term.toPython()
    if isinstance(value, Decimal):
        value = float(value)
    if spec is not None and spec.type == "number" and isinstance(value, int):
        value = float(value)
    if spec is not None and spec.type in ("string", "text", "enum", "list[string]", "id"):
        value = str(term)
    return value


class Reader:
    def __init__(self, store: Graph) -> None:
        self.g = store
        self.base = find_base(store)
        self.v = self.base.vocab
        self.ids: dict[Node, str] = {
            s: str(o) for s, o in store.subject_objects(DCTERMS.identifier)}
        self.problems: list[str] = []
        self.origin: dict[str, str] = {}

    def one(self, subject: Node, predicate: URIRef) -> Node | None:
        return next(iter(sorted(self.g.objects(subject, predicate), key=str)), None)

    def ident(self, term: Node | None) -> str | None:
        return self.ids.get(term) if term is not None else None

    def citations(self, subject: Node) -> list[dict[str, Any]]:
        out = []
        for c in self.g.objects(subject, PROV.qualifiedDerivation):
            index = self.one(c, self.v.citationIndex)
            confidence = self.one(c, self.v.confidence)
            out.append((int(index) if isinstance(index, Literal) else 0, {
                "source": self.ident(self.one(c, PROV.entity)),
                "quote": str(self.one(c, self.v.quote) or ""),
                "confidence": float(confidence.toPython()) if isinstance(confidence, Literal) else None,
                "mode": str(self.one(c, self.v.mode) or ""),
                "attributed_to": self.ident(self.one(c, PROV.wasAttributedTo)),
                "fields": sorted(str(f) for f in self.g.objects(c, self.v.supports)),
            }))
        return [cite for _, cite in sorted(out, key=lambda pair: pair[0])]

    def lifecycle(self, subject: Node) -> list[dict[str, Any]]:
        """Its stages in their recorded order (the k of <entity>#stage-k)."""
        out = []
        for node in self.g.objects(subject, self.v.lifecycleStage):
            day = self.one(node, SCHEMA.startDate)
            text = self.one(node, self.v.dateText)
            out.append((int(str(node).rsplit("-", 1)[1]), {
                "stage": str(self.one(node, self.v.stage) or ""),
                "date": str(day) if day is not None else None,
                "date_text": str(text) if text is not None else None,
                "citation": next(iter(self.citations(node)), None),
            }))
        return [stage for _, stage in sorted(out, key=lambda pair: pair[0])]

    def typed_properties(self, subject: Node, specs: dict[str, PropertySpec]) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for name, spec in specs.items():
            values = [python_value(t, spec)
                      for t in self.g.objects(subject, property_predicate(name, spec, self.base))]
            if spec.type == "map[string]" or not values:
                continue
            props[name] = sorted(values) if spec.type == "list[string]" else values[0]
        return props

    def recorded(self, subject: Node) -> datetime | None:
        term = self.one(subject, PROV.generatedAtTime)
        value = term.toPython() if isinstance(term, Literal) else None
        return value if isinstance(value, datetime) else None

    def parse(self, model: Any, raw: dict[str, Any], where: str) -> Any:
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"])
                self.problems.append(f"{where}: field {loc}: {err['msg']}")
            return None

    def sources(self) -> list[tuple[SourceRecord, str]]:
        out = []
        for s in sorted(self.g.subjects(RDF.type, self.v.Source), key=str):
            where = f"<{s}>"
            raw: dict[str, Any] = {"id": self.ident(s), "kind": str(self.one(s, self.v.sourceKind)),
                                   "recorded_at": self.recorded(s)}
            for key, predicate in SOURCE_PREDICATES.items():
                term = self.one(s, predicate) if predicate is not None else None
                if term is not None:
                    raw[key] = python_value(term, None)
            text = raw.pop("text", "")
            if isinstance(raw.get("published"), datetime):
                raw["published"] = raw["published"].date()
            record = self.parse(SourceRecord, {**raw, "text": text or None}, where)
            declared = self.one(s, self.v.contentHash)
            if declared is not None and str(declared) != content_hash(text):
                self.problems.append(f"{where}: field text: does not match its content hash")
            if record is not None:
                self.origin[f"source:{record.id}"] = where
                out.append((record, text))
        return out

    def entities(self) -> list[EntityRecord]:
        schema, out = get_schema(), []
        labels = {str(self.v[label]): label for label in schema.entity_labels}
        for s in sorted(self.g.subjects(RDF.type, self.v.Entity), key=str):
            where = f"<{s}>"
            label = next((labels[str(t)] for t in self.g.objects(s, RDF.type) if str(t) in labels), None)
            if label is None:
                self.problems.append(f"{where}: field type: no entity type of this vocabulary")
                continue
            names = {t.language: str(t) for t in self.g.objects(s, SCHEMA.name)
                     if isinstance(t, Literal) and t.language}
            qid = next((str(t)[len(str(WD)):] for t in self.g.objects(s, OWL.sameAs)
                        if str(t).startswith(str(WD))), None)
            common = self.typed_properties(s, {"description": schema.entity_properties["description"]})
            raw = {
                "id": self.ident(s), "type": label, "name": str(self.one(s, RDFS.label) or ""),
                "aliases": sorted(str(t) for t in self.g.objects(s, SCHEMA.alternateName)),
                "names": names, "wikidata_qid": qid, **common,
                "properties": self.typed_properties(s, schema.nodes[label].properties),
                "citations": self.citations(s), "lifecycle": self.lifecycle(s),
                "recorded_at": self.recorded(s),
            }
            record = self.parse(EntityRecord, raw, where)
            if record is not None:
                self.origin[f"entity:{record.id}"] = where
                out.append(record)
        return out

    def relationships(self) -> list[RelationshipRecord]:
        schema, out = get_schema(), []
        for f in sorted(self.g.subjects(RDF.type, self.v.Fact), key=str):
            where = f"<{f}>"
            rel_type = str(self.one(f, self.v.relationshipType) or "")
            specs = schema.relationships[rel_type].properties if rel_type in schema.relationships else {}
            start, end = self.one(f, SCHEMA.startDate), self.one(f, SCHEMA.endDate)
            date_text = self.one(f, self.v.dateText)
            raw = {
                "id": self.ident(f), "type": rel_type,
                "from": self.ident(self.one(f, RDF.subject)), "to": self.ident(self.one(f, RDF.object)),
                "valid_from": start.toPython() if isinstance(start, Literal) else None,
                "valid_to": end.toPython() if isinstance(end, Literal) else None,
                "date_text": str(date_text) if date_text is not None else None,
                "properties": self.typed_properties(f, specs),
                "citations": self.citations(f), "recorded_at": self.recorded(f),
            }
            record = self.parse(RelationshipRecord, raw, where)
            if record is not None:
                self.origin[f"rel:{record.fact_id}"] = where
                out.append(record)
        return out


def bundle_from_rdf(store: Graph) -> tuple[Bundle, Reader]:
    reader = Reader(store)
    bundle = Bundle(sources=reader.sources(), entities=reader.entities(),
                    relationships=reader.relationships())
    return bundle, reader


def import_rdf(graph: Neo4jGraph, data: bytes, fmt: RdfFormat) -> LoadReport:
    bundle, reader = bundle_from_rdf(parse_rdf(data, fmt))
    problems = reader.problems
    if not problems:
        known_sources, known_entities = known_records(graph, bundle)
        problems = check_bundle(bundle, reader.origin, known_sources, known_entities)
    if problems:
        raise SeedError(problems)
    if not (bundle.sources or bundle.entities or bundle.relationships):
        raise InvalidInput("the document holds no sources, entities or relationships")
    return write_bundle(graph, bundle)

