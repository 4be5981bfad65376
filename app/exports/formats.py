"""The export formats besides RDF, each a writer over the node and edge pages."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from app.exports.ftm import ftm_lines
from app.exports.graphs import gexf, graphml
from app.exports.rows import graph_rows
from app.exports.tables import csv_zip
from app.reads.pages import NOW, View, iter_pages
from app.store.db import Graph

PAGE_SIZE = 500


Pages = Iterable[tuple[str, list[dict[str, Any]]]]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str
    write: Callable[[Pages], Iterator[bytes]]  # over the dump's pages (reads.pages)


EXPORTS = {f.name: f for f in (
    ExportFormat("csv", "application/zip", "zip", lambda pages: csv_zip(graph_rows(pages))),
    ExportFormat("gexf", "application/gexf+xml", "gexf", lambda pages: gexf(graph_rows(pages))),
    ExportFormat("graphml", "application/graphml+xml", "graphml", lambda pages: graphml(graph_rows(pages))),
    ExportFormat("ftm", "application/x-ndjson", "ftm.json", ftm_lines),
)}


def export_file(graph: Graph, fmt: ExportFormat, view: View = NOW,
                page_size: int = PAGE_SIZE) -> Iterator[bytes]:
    """The whole graph in `fmt`, read and written a page at a time."""
    return fmt.write(iter_pages(graph, page_size, view))


def subgraph_file(fmt: ExportFormat, pages: list[tuple[str, list[dict[str, Any]]]]) -> Iterator[bytes]:
    """A subgraph (reads.explore.subgraph_pages) in `fmt`."""
    return fmt.write(pages)
