"""Stream the graph as RDF: read Neo4j in keyset pages, serialize each page, write it.

Turtle, TriG, N-Triples and N-Quads chunks concatenate into one valid document
(prefix directives may repeat), so memory stays bounded by the page size.
JSON-LD streams node objects into one "@graph" array. RDF/XML needs one root
element with every namespace declared up front, so it is built in memory.
"""

import json
from collections.abc import Callable, Iterator
from typing import Any

from rdflib import Dataset, Graph

from app.rdf.formats import RdfFormat
from app.rdf.lines import Lines
from app.rdf.mapping import Emitter
from app.rdf.vocab import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDFS, SCHEMA, TIME, VOID, XSD, Base
from app.reads.pages import NOW, View, iter_pages, page_plan, read_ahead
from app.store.cypher import load
from app.store.db import Graph as Neo4jGraph

__all__ = ["NOW", "View", "iter_pages", "page_plan"]  # the page reader, in reads/pages.py

Progress = Callable[[int, int], None]
# Written term by term (rdf/lines.py): N-Triples, N-Quads, Turtle as N-Triples lines (valid
# Turtle), TriG as one block per named graph and page.
LINE_FORMATS = ("nt", "nquads", "turtle", "trig")
PAGE_SIZE = 500




def prefixes(base: Base) -> dict[str, str]:
    return {"schema": str(SCHEMA), "org": str(ORG), "prov": str(PROV), "dct": str(DCTERMS),
            "foaf": str(FOAF), "owl": str(OWL), "rdfs": str(RDFS), "xsd": str(XSD),
            "time": str(TIME), "void": str(VOID), "dcat": str(DCAT),
            "wd": "http://www.wikidata.org/entity/", "mg": str(base.vocab)}


def jsonld_context(base: Base) -> dict[str, Any]:
    """The published @context: our prefixes, so compact IRIs read the same everywhere."""
    return {"@context": prefixes(base)}


def new_store(fmt: RdfFormat, base: Base) -> Dataset | Graph:
    store: Dataset | Graph = Dataset() if fmt.quads else Graph()
    for prefix, iri in prefixes(base).items():
        store.bind(prefix, iri, override=True, replace=True)
    return store


def emit_page(emitter: Emitter, kind: str, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        if kind == "sources":
            emitter.source(row["props"])
        elif kind == "entities":
            emitter.entity(row["props"])
        else:
            emitter.relationship(row["from"], row["type"], row["to"], row["props"])


def _jsonld_items(chunk: str) -> list[Any]:
    doc = json.loads(chunk)
    if isinstance(doc, list):
        return doc
    if "@graph" in doc:
        return list(doc["@graph"])
    doc.pop("@context", None)
    return [doc] if doc else []


def export_chunks(graph: Neo4jGraph, fmt: RdfFormat, base: Base, page_size: int = PAGE_SIZE,
                  progress: Progress | None = None, view: View = NOW,
                  rdflib_pages: bool = False) -> Iterator[bytes]:
    """The whole graph in `fmt`, page by page. LINE_FORMATS are written term by term
    (rdf/lines.py); `rdflib_pages` keeps the rdflib graph per page they replaced, which
    the dump benchmark measures them against."""
    counts = graph.read(load("export_counts"))[0]
    total, done = counts["sources"] + counts["entities"] + counts["relationships"], 0
    if not fmt.streams:
        store = new_store(fmt, base)
        emitter = Emitter(base, store)
        for kind, rows in iter_pages(graph, page_size, view):
            emit_page(emitter, kind, rows)
            done += len(rows)
            if progress:
                progress(done, total)
        yield store.serialize(format=fmt.rdflib, encoding="utf-8")
        return

    if fmt.name in LINE_FORMATS and not rdflib_pages:
        lines = Lines(fmt.quads, base.graph, blocks=fmt.name == "trig")
        emitter = Emitter(base, lines)
        if fmt.name in ("turtle", "trig"):  # full IRIs below; the prefixes are for readers
            yield "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes(base).items()).encode()
        for kind, rows in read_ahead(iter_pages(graph, page_size, view)):
            emit_page(emitter, kind, rows)
            yield lines.take()
            done += len(rows)
            if progress:
                progress(done, total)
        return

    context = jsonld_context(base)
    first = True
    if fmt.name == "jsonld":
        yield (json.dumps(context)[:-1] + ', "@graph": [\n').encode()
    for kind, rows in iter_pages(graph, page_size, view):
        store = new_store(fmt, base)
        emit_page(Emitter(base, store), kind, rows)
        if fmt.name == "jsonld":
            text = store.serialize(format="json-ld", context=context["@context"], auto_compact=True)
            for item in _jsonld_items(text):
                yield (("" if first else ",\n") + json.dumps(item, ensure_ascii=False)).encode()
                first = False
        else:
            yield store.serialize(format=fmt.rdflib, encoding="utf-8")
        done += len(rows)
        if progress:
            progress(done, total)
    if fmt.name == "jsonld":
        yield b"\n]}\n"
