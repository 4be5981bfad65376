"""Benchmarks: bulk load vs naive MERGE, query latency through the API vs raw Cypher,
concurrent entity reads, and the streaming RDF dump vs naive rdflib.

    python -m bench.run --size 100000            # one size, full run
    python -m bench.run --size 10000 --smoke     # the quick run `make test` does
    python -m bench.run --size 10000 --baseline ../old --skip concurrency,rdf
                                                 # this build and an older one, side by side

Each run starts its own Neo4j in a temporary folder, and writes
bench/results/<size>.json, bench/results/<size>.md and the query plans.
Ratios come from one run, so the noise of the machine hits both sides alike.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from app.settings import Settings
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema
from bench.generate import generate
from bench.phases.concurrency import concurrency_phase
from bench.phases.load import load_phase
from bench.phases.queries import query_phase
from bench.phases.rdf import rdf_phase
from bench.processes import free_port, say, start_api
from bench.report import markdown

ROOT = Path(__file__).resolve().parent
RDF_MAX_SIZE = 50_000  # the naive rdflib baseline holds every triple in memory
PHASES = ("concurrency", "rdf")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000, help="entities to generate")
    parser.add_argument("--smoke", action="store_true", help="few samples, short phases")
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=ROOT, help="where results/ and plans/ go")
    parser.add_argument("--workers", type=int, default=1,
                        help="uvicorn workers for the latency phase (one request at a time)")
    parser.add_argument("--conc-workers", type=int, default=2, help="uvicorn workers under wrk")
    parser.add_argument("--conc-threads", type=int, default=2, help="API_THREADS under wrk")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--rdf", default=None,
                        help="dump formats to measure ('' for none); default nt,nquads up to "
                             f"{RDF_MAX_SIZE:,} entities (5.5M triples), none above")
    parser.add_argument("--heap", default=None, help="Neo4j heap (default 2g, 4g above 100k)")
    parser.add_argument("--pagecache", default=None, help="page cache (default 2g, 8g above 100k)")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another checkout (e.g. a git worktree of an older commit) whose API "
                             "the latency phase measures in turns with this one")
    parser.add_argument("--skip", default="", help=f"phases to leave out: {', '.join(PHASES)}")
    args = parser.parse_args()
    big = args.size > 100_000
    args.rdf = args.rdf if args.rdf is not None else ("nt,nquads" if args.size <= RDF_MAX_SIZE else "")
    args.heap = args.heap or ("4g" if big else "2g")
    args.pagecache = args.pagecache or ("8g" if big else "2g")
    args.skip = {p for p in args.skip.split(",") if p}
    if args.skip - set(PHASES):
        parser.error(f"--skip takes {', '.join(PHASES)}")
    if args.baseline is not None and not (args.baseline / "app" / "main.py").is_file():
        parser.error(f"--baseline {args.baseline} is not a checkout of this project")
    return args


def latency(args: argparse.Namespace, env: dict[str, str], graph: Graph, data: Any,
            runs: int, name: str) -> dict[str, Any]:
    """The latency phase with this build's API and, if asked, the baseline's, both up at once."""
    procs: list[subprocess.Popen[bytes]] = []
    apis: dict[str, str] = {}
    try:
        for side, checkout in (("api", None), ("baseline", args.baseline)):
            if side == "baseline" and checkout is None:
                continue
            port = free_port()
            procs.append(start_api(env, port, args.workers, checkout))
            apis[side] = f"http://127.0.0.1:{port}"
        say("query latency through the API and through the driver"
            + (f", and through {args.baseline}" if args.baseline else ""))
        return query_phase(graph, data, apis, runs, args.out / "plans" / name)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)


def run(args: argparse.Namespace, server: LocalNeo4j, folder: Path) -> dict[str, Any]:
    runs, naive_sample, seconds = (10, 200, 2.0) if args.smoke else (300, 2000, 20.0)
    env = {"NEO4J_URI": server.bolt_uri, "RATE_LIMIT": "100000000/minute",
           "NEO4J_QUERY_TIMEOUT_SECONDS": "60", "NEO4J_READ_TIMEOUT_SECONDS": "60"}
    graph = open_graph(Settings(_env_file=None, neo4j_uri=server.bolt_uri,
                                neo4j_query_timeout_seconds=60, neo4j_read_timeout_seconds=600,
                                neo4j_write_timeout_seconds=3600))
    apply_schema(graph)
    say(f"generating {args.size:,} entities")
    data = generate(args.size)
    report: dict[str, Any] = {"size": args.size, "smoke": args.smoke, "machine": {
        "cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "graph": {"entities": len(data.entities), "relationships": len(data.relationships),
                  "sources": len(data.sources)}}
    report["load"] = load_phase(graph, data, args.batch_size, naive_sample)
    graph.write("CALL db.awaitIndexes(600)")
    name = f"{args.size}{'-smoke' if args.smoke else ''}"
    report["queries"] = latency(args, env, graph, data, runs, name)
    report["concurrency"] = None
    if "concurrency" not in args.skip:
        say("concurrent reads (wrk)")
        report["concurrency"] = concurrency_phase(env, data, seconds, args.connections,
                                                  args.conc_workers, args.conc_threads, folder)
    graph.close()
    report["rdf"] = {}
    if "rdf" not in args.skip:
        say("RDF dumps")
        report["rdf"] = rdf_phase(env, [f for f in args.rdf.split(",") if f])
    return report


def main() -> None:
    args = arguments()
    folder = Path(tempfile.mkdtemp(prefix="mgraph-bench-"))
    server = LocalNeo4j(folder / "neo4j", port=free_port(), heap=args.heap, pagecache=args.pagecache)
    try:
        say(f"starting Neo4j in {folder}")
        server.start(timeout=180)
        report = run(args, server, folder)
        name = f"{args.size}{'-smoke' if args.smoke else ''}"
        results = args.out / "results"
        results.mkdir(parents=True, exist_ok=True)
        (results / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
        (results / f"{name}.md").write_text(markdown(args.size, report))
        print(markdown(args.size, report))
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
