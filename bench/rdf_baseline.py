"""The RDF stream of another checkout, on its own code, for the dumps' side-by-side run
(bench/dumps.py --baseline CHECKOUT): the stream as it was when an issue measured it.

    PYTHONPATH=/tmp/old python bench/rdf_baseline.py nt     # run from the old checkout

Uses only what every checkout since the streaming export has: export_chunks, FORMATS,
base_for, Settings and open_graph. Prints one JSON line, as bench/rdf_one.py does.
"""

import json
import sys
import time

from app.rdf.export import export_chunks
from app.rdf.formats import FORMATS
from app.rdf.vocab import base_for
from app.settings import Settings
from app.store.db import open_graph


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


def main() -> None:
    graph = open_graph(Settings())
    started, items = time.perf_counter(), 0
    for chunk in export_chunks(graph, FORMATS[sys.argv[1]], base_for("http://127.0.0.1:8000")):
        items += sum(1 for line in chunk.split(b"\n") if line.strip() not in (b"", b","))
    seconds = time.perf_counter() - started
    graph.close()
    print(json.dumps({"triples": items, "seconds": round(seconds, 2),
                      "triples_per_second": round(items / seconds), "peak_rss_mb": round(peak_rss_mb())}))


if __name__ == "__main__":
    main()
