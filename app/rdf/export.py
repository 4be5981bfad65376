"""Stream the graph as RDF: read Neo4j in keyset pages, write each page as it comes.

N-Triples, N-Quads, Turtle (N-Triples lines under the prefixes) and TriG (a block per
named graph and page) are written term by term (rdf/lines.py); JSON-LD as node objects
in one "@graph" array (rdf/jsonld.py). Memory stays bounded by the page size. RDF/XML
needs one root element with every namespace declared up front, so it is built in memory.
"""

import json
from collections.abc import Callable, Iterator
from typing import Any

from rdflib import Dataset, Graph

from app.rdf.formats import RdfFormat
from app.rdf.jsonld import JsonNodes
from app.rdf.lines import Lines
from app.rdf.mapping import Emitter
from app.rdf.vocab import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDFS, SCHEMA, TIME, VOID, XSD, Base
from app.reads.pages import NOW, View, iter_pages, page_plan, read_ahead
from app.store.cypher import load
from app.store.db import Graph as Neo4jGraph

__all__ = ["NOW", "View", "iter_pages", "page_plan"]  # the page reader, in reads/pages.py

Progress = Callable[[int, int], None]
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
    """The whole graph in `fmt`, page by page. LINE_FORMATS and JSON-LD are written term by
    term (rdf/lines.py, rdf/jsonld.py), the next page read while this one is written;
    `rdflib_pages` keeps the rdflib graph per page they replaced, which the dump benchmark
    measures them against. RDF/XML is built whole (it cannot stream)."""
    counts = graph.read(load("export_counts"))[0]
    total = counts["sources"] + counts["entities"] + counts["relationships"]
    pages = _counted(iter_pages(graph, page_size, view), total, progress)
    if not fmt.streams:
        yield from _whole(pages, fmt, base)
    elif rdflib_pages:
        yield from _rdflib_pages(pages, fmt, base)
    elif fmt.name == "jsonld":
        yield from _jsonld(read_ahead(pages), base)
    else:
        yield from _lines(read_ahead(pages), fmt, base)


Pages = Iterator[tuple[str, list[dict[str, Any]]]]


def _counted(pages: Pages, total: int, progress: Progress | None) -> Pages:
    done = 0
    for kind, rows in pages:
        yield kind, rows
        done += len(rows)
        if progress:
            progress(done, total)


def _whole(pages: Pages, fmt: RdfFormat, base: Base) -> Iterator[bytes]:
    store = new_store(fmt, base)
    emitter = Emitter(base, store)
    for kind, rows in pages:
        emit_page(emitter, kind, rows)
    yield store.serialize(format=fmt.rdflib, encoding="utf-8")


def _lines(pages: Pages, fmt: RdfFormat, base: Base) -> Iterator[bytes]:
    lines = Lines(fmt.quads, base.graph, blocks=fmt.name == "trig")
    emitter = Emitter(base, lines)
    if fmt.name in ("turtle", "trig"):  # full IRIs below; the prefixes are for readers
        yield "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes(base).items()).encode()
    for kind, rows in pages:
        emit_page(emitter, kind, rows)
        yield lines.take()


def _jsonld(pages: Pages, base: Base) -> Iterator[bytes]:
    """One "@graph" array of node objects under the published context."""
    nodes = JsonNodes(prefixes(base))
    emitter = Emitter(base, nodes)
    yield (json.dumps(jsonld_context(base))[:-1] + ', "@graph": [\n').encode()
    separator = ""
    for kind, rows in pages:
        emit_page(emitter, kind, rows)
        for text in nodes.take():
            yield (separator + text).encode()
            separator = ",\n"
    yield b"\n]}\n"


def _rdflib_pages(pages: Pages, fmt: RdfFormat, base: Base) -> Iterator[bytes]:
    """The stream as it was: an rdflib graph per page, serialized by rdflib."""
    context = jsonld_context(base)
    if fmt.name == "jsonld":
        yield (json.dumps(context)[:-1] + ', "@graph": [\n').encode()
    separator = ""
    for kind, rows in pages:
        store = new_store(fmt, base)
        emit_page(Emitter(base, store), kind, rows)
        if fmt.name != "jsonld":
            yield store.serialize(format=fmt.rdflib, encoding="utf-8")
            continue
        text = store.serialize(format="json-ld", context=context["@context"], auto_compact=True)
        for item in _jsonld_items(text):
            yield (separator + json.dumps(item, ensure_ascii=False)).encode()
            separator = ",\n"
    if fmt.name == "jsonld":
        yield b"\n]}\n"
