"""The export formats besides RDF, each a writer over the node and edge pages."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from app.exports.graphs import gexf, graphml
from app.exports.rows import Page, graph_rows
from app.exports.tables import csv_zip
from app.reads.pages import NOW, View, iter_pages
from app.store.db import Graph

PAGE_SIZE = 500


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str
    write: Callable[[Iterable[Page]], Iterator[bytes]]


EXPORTS = {f.name: f for f in (
    ExportFormat("csv", "application/zip", "zip", csv_zip),
    ExportFormat("gexf", "application/gexf+xml", "gexf", gexf),
    ExportFormat("graphml", "application/graphml+xml", "graphml", graphml),
)}


def export_file(graph: Graph, fmt: ExportFormat, view: View = NOW,
                page_size: int = PAGE_SIZE) -> Iterator[bytes]:
    """The whole graph in `fmt`, read and written a page at a time."""
    return fmt.write(graph_rows(iter_pages(graph, page_size, view)))


def subgraph_file(fmt: ExportFormat, pages: list[tuple[str, list[dict[str, Any]]]]) -> Iterator[bytes]:
    """A subgraph (reads.explore.subgraph_pages) in `fmt`."""
    return fmt.write(graph_rows(pages))
