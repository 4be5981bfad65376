"""The dumps side by side in one run (bench/README.md): every format of the whole graph,
each in its own process so its peak memory is its own.

    .venv/bin/python -m bench.dumps --size 100000              # generate, load, measure
    .venv/bin/python -m bench.dumps --size 10000 --formats nt  # one format

For N-Triples, N-Quads, Turtle, TriG and JSON-LD the service's stream (terms written
directly) runs beside the stream it replaced (an rdflib graph per page, kept as
`rdflib-pages`), and for N-Triples and N-Quads naive rdflib too (one graph, then serialize). Prints a
Markdown table and writes JSON.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.settings import Settings
from app.store.db import open_graph
from app.store.schema_apply import apply_schema
from bench.generate import generate
from bench.phases.load import bulk_load_with_bar
from bench.processes import private_neo4j, say

MODES = {"nt": ("stream", "rdflib-pages", "naive"), "nquads": ("stream", "rdflib-pages", "naive"),
         "turtle": ("stream", "rdflib-pages"), "trig": ("stream", "rdflib-pages"),
         "jsonld": ("stream", "rdflib-pages"),
         "csv": ("file",), "gexf": ("file",), "graphml": ("file",), "ftm": ("file",)}
RDF_FORMATS = ("nt", "nquads", "turtle", "trig", "jsonld")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--formats", default=",".join(MODES))
    parser.add_argument("--naive-up-to", type=int, default=100_000, help="skip naive rdflib above this size")
    parser.add_argument("--skip", default="",
                        help="format/writer pairs to leave out, e.g. turtle/rdflib-pages")
    parser.add_argument("--baseline", type=Path,
                        help="a checkout whose RDF stream runs too (writer 'baseline'), e.g. the "
                             "commit an issue measured: git worktree add /tmp/old <commit>")
    parser.add_argument("--warm-up", action=argparse.BooleanOptionalAction, default=True,
                        help="one untimed N-Triples dump first: the first dump after the load "
                             "otherwise pays for a cold page cache and query plans")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    return parser.parse_args()


def one(env: dict[str, str], fmt: str, mode: str, baseline: Path | None = None) -> dict[str, Any]:
    """One dump in its own process; `baseline`: the stream of that checkout, on its code."""
    command, cwd = [sys.executable, "-m", "bench.rdf_one", fmt, mode], None
    if mode == "baseline" and baseline is not None:
        command, cwd = [sys.executable, str(Path(__file__).with_name("rdf_baseline.py")), fmt], baseline
        env = {**env, "PYTHONPATH": str(baseline)}
    done = subprocess.run(command, env={**os.environ, **env}, cwd=cwd,
                          capture_output=True, text=True, timeout=4 * 3600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def ratio(r: dict[str, Any], other: dict[str, Any] | None) -> str:
    return f"{r['triples_per_second'] / other['triples_per_second']:.1f}×" if other else ""


def table(size: int, results: dict[str, dict[str, Any]]) -> str:
    lines = [f"Dumps of the {size:,}-entity graph (one run; each in its own process)", "",
             "| format | writer | items | seconds | items/s | vs baseline | vs rdflib-pages | vs naive "
             "| peak RSS (MB) |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for key, r in results.items():
        fmt, mode = key.split("/")
        old, base, naive = (results.get(f"{fmt}/{m}") for m in ("baseline", "rdflib-pages", "naive"))
        lines.append(f"| {fmt} | {mode} | {r['triples']:,} | {r['seconds']} | {r['triples_per_second']:,} | "
                     f"{ratio(r, old)} | {ratio(r, base)} | {ratio(r, naive)} | {r['peak_rss_mb']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    args = arguments()
    with private_neo4j("mgraph-dumps-", "4g" if args.size > 100_000 else "2g",
                       "8g" if args.size > 100_000 else "2g") as server:
        graph = open_graph(Settings(_env_file=None, neo4j_uri=server.bolt_uri, neo4j_read_timeout_seconds=600,
                                    neo4j_write_timeout_seconds=3600, neo4j_query_timeout_seconds=3600))
        apply_schema(graph)
        say(f"generating {args.size:,} entities")
        bulk_load_with_bar(graph, generate(args.size), 5000)
        graph.write("CALL db.awaitIndexes(600)")
        graph.close()
        env = {"NEO4J_URI": server.bolt_uri, "NEO4J_READ_TIMEOUT_SECONDS": "7200",
               "NEO4J_QUERY_TIMEOUT_SECONDS": "7200", "CLI_TIMEOUT_SECONDS": "7200"}
        if args.warm_up:
            say(f"  warm-up (untimed): {one(env, 'nt', 'stream')}")
        results = {}
        for fmt in args.formats.split(","):
            baseline = ("baseline",) if args.baseline and fmt in RDF_FORMATS else ()
            for mode in (*MODES[fmt], *baseline):
                skipped = f"{fmt}/{mode}" in args.skip.split(",")
                if skipped or (mode == "naive" and args.size > args.naive_up_to):
                    continue
                results[f"{fmt}/{mode}"] = one(env, fmt, mode, args.baseline)
                say(f"  {fmt} {mode}: {results[f'{fmt}/{mode}']}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"dumps-{args.size}.json").write_text(json.dumps(results, indent=2) + "\n")
    print(table(args.size, results))


if __name__ == "__main__":
    main()
