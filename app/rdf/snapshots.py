"""A snapshot as RDF: the canonical N-Triples its hash is taken over (every triple on its
own line, lines sorted), and the same triples in any other format."""

import hashlib
from typing import Any

from rdflib import Graph

from app.rdf.export import emit_page, new_store
from app.rdf.formats import FORMATS, RdfFormat
from app.rdf.mapping import Emitter
from app.rdf.vocab import Base

Pages = list[tuple[str, list[dict[str, Any]]]]


def snapshot_graph(pages: Pages, base: Base, fmt: RdfFormat = FORMATS["nt"]) -> Graph:
    store = new_store(fmt, base)
    emitter = Emitter(base, store)
    for kind, rows in pages:
        emit_page(emitter, kind, rows)
    return store


def canonical_nt(pages: Pages, base: Base) -> bytes:
    """Sorted N-Triples lines: the same triples are always the same bytes (no blank nodes
    are minted: citations and stages have URIs of their own)."""
    text = snapshot_graph(pages, base).serialize(format="nt", encoding="utf-8").decode("utf-8")
    return "".join(f"{line}\n" for line in sorted(set(text.splitlines())) if line.strip()).encode("utf-8")


def digest(canonical: bytes) -> str:
    return hashlib.sha256(canonical).hexdigest()
