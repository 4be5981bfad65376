"""One RDF dump in its own process, so its peak memory is its own.

    python -m bench.rdf_one nt stream         # the service's paged, streaming export
    python -m bench.rdf_one nt rdflib-pages   # the stream it replaced: an rdflib graph a page
    python -m bench.rdf_one nt naive          # everything into one rdflib Graph, then serialize
    python -m bench.rdf_one csv file          # an export file (csv, gexf, graphml, ftm)
Prints one JSON line: items (triples; JSON-LD's node objects; an export file's entities
and relationships), seconds, per second, peak RSS.
"""

import json
import resource
import sys
import time

from app.exports.formats import EXPORTS, export_file
from app.rdf.export import PAGE_SIZE, emit_page, export_chunks, iter_pages, new_store
from app.rdf.formats import FORMATS
from app.rdf.mapping import Emitter
from app.rdf.vocab import base_for
from app.reads.pages import NOW
from app.settings import Settings
from app.store.cypher import load
from app.store.db import Graph, open_graph

# Not items: blank lines, and the separators between JSON-LD's node objects.
EMPTY = (b"", b",")


def main() -> None:
    name, mode = sys.argv[1], sys.argv[2]
    graph = open_graph(Settings())
    base = base_for("http://127.0.0.1:8000")
    started, lines = time.perf_counter(), 0
    if mode == "file":  # items: the entities and relationships written (a zip has no lines)
        counts = graph.read(load("export_counts"))[0]
        for _chunk in export_file(graph, EXPORTS[name], NOW):
            pass
        report(graph, started, counts["entities"] + counts["relationships"])
        return
    fmt = FORMATS[name]
    if mode in ("stream", "rdflib-pages"):
        for chunk in export_chunks(graph, fmt, base, rdflib_pages=mode == "rdflib-pages"):
            lines += sum(1 for line in chunk.split(b"\n") if line.strip() not in EMPTY)
    else:
        store = new_store(fmt, base)
        emitter = Emitter(base, store)
        for kind, rows in iter_pages(graph, PAGE_SIZE):
            emit_page(emitter, kind, rows)
        data = store.serialize(format=fmt.rdflib, encoding="utf-8")
        lines = sum(1 for line in data.split(b"\n") if line.strip())
    report(graph, started, lines)


def peak_rss_mb() -> float:
    """This program's own peak RSS. Not getrusage's ru_maxrss: Linux keeps that across
    exec, so a child of the benchmark (which holds the generated graph) reported its
    parent's size (bench/README.md, dumps)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(graph: Graph, started: float, lines: int) -> None:
    seconds = time.perf_counter() - started
    graph.close()
    peak = peak_rss_mb()
    print(json.dumps({"triples": lines, "seconds": round(seconds, 2),
                      "triples_per_second": round(lines / seconds), "peak_rss_mb": round(peak)}))


if __name__ == "__main__":
    main()
