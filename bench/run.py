"""Benchmarks: bulk load vs naive MERGE, query latency through the API vs raw Cypher,
concurrent entity reads, and the streaming RDF dump vs naive rdflib.

    python -m bench.run --size 100000            # one size, full run
    python -m bench.run --size 10000 --smoke     # the quick run `make test` does

Each run starts its own Neo4j in a temporary folder, and writes
bench/results/<size>.json, bench/results/<size>.md and the query plans.
Ratios come from one run, so the noise of the machine hits both sides alike.
"""

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, LiteralString
from urllib.parse import quote, urlsplit

import httpx
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from app.bulk import BulkReport, bulk_load
from app.cypher import load, load_bounded
from app.db import Graph, open_graph
from app.explore import MAX_PATHS, find_paths
from app.localserver import LocalNeo4j
from app.requests import FAR_FUTURE
from app.schema import apply_schema
from app.settings import Settings
from app.text import fold, lucene_query, search_terms
from bench.generate import SyntheticGraph, generate

ROOT = Path(__file__).resolve().parent
RDF_MAX_SIZE = 50_000  # the naive rdflib baseline holds every triple in memory


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 2)

    return {"p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99), "n": len(ordered)}


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- load -------------------------------------------------------------------------

def naive_load(graph: Graph, data: SyntheticGraph, sample: int, prefix: str = "naive-") -> dict[str, float]:
    """One MERGE per record, one transaction each: what a first script would do."""
    entities = data.entities[:sample]
    started = time.perf_counter()
    for e in entities:
        graph.write("MERGE (n:Entity {id: $id}) SET n += $props", id=prefix + e["id"],
                    props={**e["props"], "id": prefix + e["id"]})
    entity_rate = len(entities) / (time.perf_counter() - started)
    rels = data.relationships[:sample]
    started = time.perf_counter()
    for r in rels:
        graph.write("MATCH (a:Entity {id: $a}), (b:Entity {id: $b}) "
                    "MERGE (a)-[x:NAIVE {id: $id}]->(b) SET x += $props",
                    a=r["from"], b=r["to"], id=prefix + r["id"], props=r["props"])
    rel_rate = len(rels) / (time.perf_counter() - started)
    graph.write("MATCH ()-[x:NAIVE]->() DELETE x")
    graph.write("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", prefix=prefix)
    return {"entities_per_second": round(entity_rate, 1), "relationships_per_second": round(rel_rate, 1)}


class RateColumn(ProgressColumn):
    """Records per second over rich's recent-speed window."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f}/s" if task.speed else "", style="progress.data.speed")


def bulk_load_with_bar(graph: Graph, data: SyntheticGraph, batch_size: int) -> BulkReport:
    totals = {"sources": len(data.sources), "entities": len(data.entities),
              "relationships": len(data.relationships)}
    with Progress(TextColumn("{task.description:>13}"), BarColumn(), MofNCompleteColumn(),
                  RateColumn(), TimeElapsedColumn(), console=Console(stderr=True)) as bar:
        tasks = {kind: bar.add_task(kind, total=total) for kind, total in totals.items()}
        return bulk_load(graph, data.sources, data.entities, data.relationships, batch_size,
                         progress=lambda kind, done: bar.update(tasks[kind], completed=done))


WARM_UP = "warm-"
WARM_UP_ENTITIES = 10_000


def renamed(data: SyntheticGraph, prefix: str) -> SyntheticGraph:
    """A copy of `data` with every id (sources, entities, relationships, citations) prefixed."""
    def cited(props: dict[str, Any]) -> dict[str, Any]:
        return {**props, "id": prefix + props["id"],
                "cite_sources": [prefix + s for s in props.get("cite_sources", [])]}

    return SyntheticGraph(
        sources=[{**s, "id": prefix + s["id"], "props": {**s["props"], "id": prefix + s["id"]}}
                 for s in data.sources],
        entities=[{**e, "id": prefix + e["id"], "props": cited(e["props"])} for e in data.entities],
        relationships=[{**r, "id": prefix + r["id"], "from": prefix + r["from"], "to": prefix + r["to"],
                        "props": cited(r["props"])} for r in data.relationships])


def warm_up(graph: Graph, size: int, batch_size: int, sample: int) -> None:
    """Both ways load a throwaway graph first, so neither pays the server's first planning
    and JIT compilation in its measured rates. On a cold server the bulk loader's batches
    speed up from 3,900 to 12,600 relationships/s over the first 50,000 (bench/README.md),
    which at 10k entities was most of the load."""
    spare = renamed(generate(size, seed=99), WARM_UP)
    bulk_load(graph, spare.sources, spare.entities, spare.relationships, batch_size)
    naive_load(graph, spare, min(sample, 500), prefix=WARM_UP + "naive-")
    graph.write("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", prefix=WARM_UP)
    graph.write("MATCH (s:Source) WHERE s.id STARTS WITH $prefix DETACH DELETE s", prefix=WARM_UP)


def load_phase(graph: Graph, data: SyntheticGraph, batch_size: int, sample: int) -> dict[str, Any]:
    size = min(WARM_UP_ENTITIES, len(data.entities))
    say(f"warm-up: both ways load and delete a {size:,}-entity throwaway graph")
    warm_up(graph, size, batch_size, sample)
    say(f"bulk load: {len(data.entities)} entities, {len(data.relationships)} relationships")
    report = bulk_load_with_bar(graph, data, batch_size)
    bulk = {"entities_per_second": round(report.entities_per_second, 1),
            "relationships_per_second": round(report.relationships_per_second, 1),
            "seconds": round(report.entity_seconds + report.relationship_seconds, 1)}
    say(f"naive load of {sample} records for comparison")
    naive = naive_load(graph, data, sample)
    return {"batch_size": batch_size, "bulk": bulk, "naive": naive, "naive_sample": sample,
            "ratio_entities": round(bulk["entities_per_second"] / naive["entities_per_second"], 1),
            "ratio_relationships": round(bulk["relationships_per_second"]
                                        / naive["relationships_per_second"], 1)}


# --- queries ------------------------------------------------------------------------

class Client:
    """A keep-alive HTTP/1.1 client on a bare socket, so the latency phase measures the
    server, not the client. The standard library's http.client parses every response's
    headers with the email package: 0.2-0.35 ms a request here (a 404 round trip took
    0.83 ms with it, 0.61 ms with this), which it would add to the API's column. This
    reads the status line and Content-Length and nothing else; our API always sends one."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.address = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.host = f"{self.address[0]}:{self.address[1]}".encode()
        self.sock: socket.socket | None = None
        self.pending = b""
        self.body = b""

    def get(self, path: str) -> int:
        """GET `path`; the status, with the body left in `self.body`."""
        try:
            return self._get(path)
        except ConnectionError:  # EmptyReply included
            # The server may close a keep-alive connection left idle by a slow raw query.
            self.close()
            return self._get(path)

    def _get(self, path: str) -> int:
        if self.sock is None:
            self.sock = socket.create_connection(self.address, timeout=60)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.pending = b""
        self.sock.sendall(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: " + self.host + b"\r\n\r\n")
        data = self.pending
        while (end := data.find(b"\r\n\r\n")) < 0:
            data += self._recv()
        head, rest = data[:end], data[end + 4:]
        status = int(head[9:12])
        length = content_length(head)
        while len(rest) < length:
            rest += self._recv()
        self.body, self.pending = rest[:length], rest[length:]
        return status

    def _recv(self) -> bytes:
        assert self.sock is not None
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise EmptyReply
        return chunk

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class EmptyReply(ConnectionError):
    """The server closed the connection."""


def content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    raise RuntimeError(f"no Content-Length in the answer: {head[:200]!r}")


Queries = list[tuple[LiteralString, dict[str, Any]]]
Case = tuple[str, Queries]
# The paths endpoint searches in rounds until it has k paths (app.explore.find_paths): a
# case marks that query with this key, holding k and max_hops, so the raw side does the same.
ROUNDS = "_rounds_of"


def workload(data: SyntheticGraph, rng: random.Random) -> dict[str, Callable[[], Case]]:
    """Per endpoint: a function giving the API path of a random case and every query (file,
    parameters) the endpoint sends for it, so the raw side runs the same Cypher."""
    ids = [e["id"] for e in data.entities]
    persons = [e for e in data.entities if e["type"] == "Person"]
    edges = data.relationships
    t = FAR_FUTURE
    base = {"types": [], "rel_types": [], "direction": "both", "as_of": None, "t": t}

    def search() -> Case:
        name = rng.choice(persons)["props"]["name"]
        terms = search_terms(name)
        return (f"/entities?q={quote(name)}", [(load("search_entities"), {
            "lucene": lucene_query(terms), "folded": fold(name), "types": [], "cap": 1000,
            "limit": 20, "offset": 0, "t": t})])

    def entity() -> Case:
        i = rng.choice(ids)
        return f"/entities/{i}", [(load("entity_get"), {"id": i, "t": t, "per_type": 50,
                                                             "stamps": True})]

    def neighbors(depth: int) -> Callable[[], Case]:
        def make() -> Case:
            i = rng.choice(ids)
            return (f"/entities/{i}/neighbors?depth={depth}&limit=50", [
                (load("neighbor_counts"), {"id": i, "t": t}),
                (load_bounded("neighbors", depth=depth),
                 {**base, "id": i, "limit": 50, "max_paths": MAX_PATHS[depth], "now": True})])
        return make

    def paths() -> Case:
        a, b = rng.choice(edges)["from"], rng.choice(edges)["to"]
        while b == a:  # the API rightly refuses a path from an entity to itself
            b = rng.choice(edges)["to"]
        filters = {"from": a, "to": b, "as_of": None, "exclude_types": [], "exclude_rel_types": [],
                   "t": t, "now": True}
        return (f"/paths?from={a}&to={b}&max_hops=4", [
            (load("entities_exist"), {"ids": [a, b], "t": t}),
            (load_bounded("paths_plain", max_hops=4),
             {**filters, "k": 3, "avoid_nodes": [], "avoid_rels": [], ROUNDS: (3, 4)})])

    def connections() -> Case:
        edge = rng.choice(edges)
        other = rng.choice([r for r in rng.sample(edges, 50) if r["to"] == edge["to"]] or [edge])
        a, b = edge["from"], other["from"] if other["from"] != edge["from"] else rng.choice(ids)
        return (f"/connections?ids={a}&ids={b}", [
            (load("entities_exist"), {"ids": [a, b], "t": t}),
            (load("connections"), {"ids": [a, b], "as_of": None, "limit": 50, "t": t})])

    def timeline() -> Case:
        i = rng.choice(ids)
        return f"/entities/{i}/timeline", [(load("timeline"), {"id": i, "t": t, "offset": 0, "limit": 100})]

    return {"search": search, "entity": entity, "neighbors_d1": neighbors(1),
            "neighbors_d2": neighbors(2), "paths_4_hops": paths, "connections": connections,
            "timeline": timeline}


def start_api(settings_env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, **settings_env}
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--port", str(port),
         "--log-level", "warning", "--no-access-log", "--workers", str(workers),
         "--timeout-keep-alive", "120"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the API did not start")


def profile(graph: Graph, query: LiteralString, params: dict[str, Any]) -> str:
    records, summary, _ = graph.driver.execute_query("PROFILE " + query, params,
                                                     database_=graph.database)
    lines: list[str] = []

    def walk(plan: dict[str, Any], depth: int) -> None:
        details = plan.get("args", {}).get("Details", "")
        lines.append(f"{'  ' * depth}{plan['operatorType']}  rows={plan.get('rows')} "
                     f"dbHits={plan.get('dbHits')}  {details}")
        for child in plan.get("children", []):
            walk(child, depth + 1)

    if summary.profile:
        walk(summary.profile, 0)
    return "\n".join(lines)


def run_raw(graph: Graph, queries: Queries) -> None:
    for query, params in queries:
        if ROUNDS in params:
            k, max_hops = params[ROUNDS]
            filters = {key: v for key, v in params.items()
                       if key not in (ROUNDS, "k", "avoid_nodes", "avoid_rels")}
            graph.run(find_paths(filters, k, max_hops))
        else:
            graph.read(query, **params)


def query_phase(graph: Graph, data: SyntheticGraph, api: str, runs: int, plans_dir: Path) -> dict[str, Any]:
    rng = random.Random(11)
    results: dict[str, Any] = {}
    plans_dir.mkdir(parents=True, exist_ok=True)
    with Client(api) as client:
        for name, make in workload(data, rng).items():
            cases = [make() for _ in range(runs)]
            for path, queries in cases[:5]:  # warm both paths
                client.get(path)
                run_raw(graph, queries)
            api_times, raw_times, errors = [], [], 0
            for number, (path, queries) in enumerate(cases):
                # The first side to touch a case pays for the cold pages (a hub-to-hub
                # path search took 90 ms cold and 17 ms warm), so the sides take turns.
                for side in ("api", "raw") if number % 2 == 0 else ("raw", "api"):
                    started = time.perf_counter()
                    if side == "api":
                        errors += client.get(path) >= 400
                        api_times.append(time.perf_counter() - started)
                    else:
                        run_raw(graph, queries)
                        raw_times.append(time.perf_counter() - started)
            api, raw = percentiles(api_times), percentiles(raw_times)
            results[name] = {"api_ms": api, "raw_ms": raw, "errors": errors,
                             "overhead_p50": round(api["p50"] / max(raw["p50"], 0.01), 2),
                             "overhead_p99": round(api["p99"] / max(raw["p99"], 0.01), 2)}
            plans = [query.splitlines()[0] + "\n"
                     + profile(graph, query, {k: v for k, v in params.items() if k != ROUNDS})
                     for query, params in cases[0][1]]
            (plans_dir / f"{name}.txt").write_text("\n\n".join(plans) + "\n")
            say(f"  {name}: api p50 {api['p50']} ms p99 {api['p99']} ms; raw p50 {raw['p50']} ms")
    return results


WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i * 7919) % #paths + 1])
end
"""


def wrk_paths(data: SyntheticGraph, mix: bool, rng: random.Random, count: int = 20_000) -> list[str]:
    """Entity reads only, or a mix: 60 % entity, 20 % search, 20 % one-hop neighbors."""
    ids = [e["id"] for e in data.entities]
    names = [e["props"]["name"] for e in data.entities if e["type"] == "Person"]
    paths = []
    for _ in range(count):
        roll = rng.random() if mix else 0.0
        if roll < 0.6:
            paths.append(f"/entities/{rng.choice(ids)}")
        elif roll < 0.8:
            paths.append("/entities?q=" + quote(rng.choice(names)))
        else:
            paths.append(f"/entities/{rng.choice(ids)}/neighbors?depth=1&limit=50")
    return paths


def parse_wrk(output: str) -> dict[str, Any]:
    """Requests/s, latency percentiles (--latency) and every kind of error wrk counts."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in ([\d.]+)(\w+)", output)
    if rate is None or total is None:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    unit = {"ms": 1000.0, "s": 1.0, "m": 1 / 60}

    def millis(value: str, suffix: str) -> float:
        return round(float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[suffix], 2)

    latency = {f"p{p}": millis(v, u) for p, v, u in
               re.findall(r"^\s+(50|90|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    return {"requests": int(total.group(1)),
            "seconds": round(float(total.group(2)) / unit[total.group(3)], 1),
            "requests_per_second": float(rate.group(1)), "errors": errors, "latency_ms": latency}


def run_wrk(api: str, paths: list[str], seconds: float, connections: int, folder: Path) -> dict[str, Any]:
    (folder / "paths.txt").write_text("\n".join(paths) + "\n")
    (folder / "paths.lua").write_text(WRK_SCRIPT)
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "10s",
         "-s", str(folder / "paths.lua"), api],
        env={**os.environ, "WRK_PATHS": str(folder / "paths.txt")}, capture_output=True, text=True,
        timeout=seconds + 120, check=True)
    return parse_wrk(out.stdout)


def concurrency_phase(env: dict[str, str], data: SyntheticGraph, seconds: float, connections: int,
                      workers: int, threads: int, folder: Path) -> dict[str, Any]:
    """wrk (one C thread, so the client costs little of the two cores) against an API
    with `workers` processes of `threads` threads each."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed; `make setup` installs it (apt)")
    port = free_port()
    proc = start_api({**env, "API_THREADS": str(threads)}, port, workers)
    api = f"http://127.0.0.1:{port}"
    rng = random.Random(13)
    try:
        results: dict[str, Any] = {"client": "wrk", "connections": connections, "workers": workers,
                                   "threads_per_worker": threads}
        for name, mix in (("entity", False), ("mix", True)):
            run_wrk(api, wrk_paths(data, mix, rng, 500), 2, connections, folder)  # warm-up
            results[name] = run_wrk(api, wrk_paths(data, mix, rng), seconds, connections, folder)
            say(f"  {name}: {results[name]['requests_per_second']} req/s, "
                f"p99 {results[name]['latency_ms'].get('p99')} ms, {results[name]['errors']} errors")
        return results
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# --- RDF --------------------------------------------------------------------------------

def rdf_phase(env: dict[str, str], formats: list[str]) -> dict[str, Any]:
    results = {}
    for fmt in formats:
        for mode in ("stream", "naive"):
            out = subprocess.run([sys.executable, "-m", "bench.rdf_one", fmt, mode],
                                 env={**os.environ, **env}, capture_output=True, text=True, timeout=7200)
            if out.returncode != 0:
                raise RuntimeError(out.stderr[-2000:])
            results[f"{fmt}/{mode}"] = json.loads(out.stdout.strip().splitlines()[-1])
            say(f"  rdf {fmt} {mode}: {results[f'{fmt}/{mode}']}")
    return results


# --- main ----------------------------------------------------------------------------------

def markdown(size: int, report: dict[str, Any]) -> str:
    load_ = report["load"]
    lines = [f"## {size:,} entities", "",
             f"Generated: {report['graph']['entities']:,} entities, "
             f"{report['graph']['relationships']:,} relationships, {report['graph']['sources']} sources.", "",
             "| load | entities/s | relationships/s |", "| --- | --- | --- |",
             f"| bulk (UNWIND, batch {load_['batch_size']}) | {load_['bulk']['entities_per_second']:,} | "
             f"{load_['bulk']['relationships_per_second']:,} |",
             f"| naive (one MERGE per record, sample {load_['naive_sample']}) | "
             f"{load_['naive']['entities_per_second']:,} | {load_['naive']['relationships_per_second']:,} |",
             f"| **ratio** | **{load_['ratio_entities']}×** | **{load_['ratio_relationships']}×** |", "",
             "| endpoint | API p50 | API p95 | API p99 | raw p50 | raw p99 | overhead p50 | errors |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, q in report["queries"].items():
        lines.append(f"| {name} | {q['api_ms']['p50']} | {q['api_ms']['p95']} | {q['api_ms']['p99']} | "
                     f"{q['raw_ms']['p50']} | {q['raw_ms']['p99']} | {q['overhead_p50']}× | {q['errors']} |")
    c = report["concurrency"]
    lines += ["", f"Concurrent reads: wrk, {c['connections']} connections, API with {c['workers']} workers "
              f"of {c['threads_per_worker']} threads each.", "",
              "| load | req/s | p50 ms | p90 ms | p99 ms | errors |", "| --- | --- | --- | --- | --- | --- |"]
    for name in ("entity", "mix"):
        r = c[name]
        lines.append(f"| {name} | **{r['requests_per_second']:,}** | {r['latency_ms'].get('p50')} | "
                     f"{r['latency_ms'].get('p90')} | {r['latency_ms'].get('p99')} | {r['errors']} |")
    if report["rdf"]:
        lines += ["", "| RDF dump | triples | triples/s | peak RSS (MB) |", "| --- | --- | --- | --- |"]
    for name, r in report["rdf"].items():
        lines.append(f"| {name} | {r['triples']:,} | {r['triples_per_second']:,} | {r['peak_rss_mb']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
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
    args = parser.parse_args()
    big = args.size > 100_000
    args.rdf = args.rdf if args.rdf is not None else ("nt,nquads" if args.size <= RDF_MAX_SIZE else "")
    args.heap = args.heap or ("4g" if big else "2g")
    args.pagecache = args.pagecache or ("8g" if big else "2g")

    runs, naive_sample, seconds = (10, 200, 2.0) if args.smoke else (300, 2000, 20.0)
    folder = Path(tempfile.mkdtemp(prefix="mgraph-bench-"))
    server = LocalNeo4j(folder / "neo4j", port=free_port(), heap=args.heap, pagecache=args.pagecache)
    api_proc = None
    try:
        say(f"starting Neo4j in {folder}")
        server.start(timeout=180)
        env = {"NEO4J_URI": server.bolt_uri, "RATE_LIMIT": "100000000/minute",
               "NEO4J_QUERY_TIMEOUT_SECONDS": "60"}
        graph = open_graph(Settings(_env_file=None, neo4j_uri=server.bolt_uri,  # type: ignore[call-arg]
                                    neo4j_query_timeout_seconds=60))
        apply_schema(graph)
        say(f"generating {args.size:,} entities")
        data = generate(args.size)
        report: dict[str, Any] = {"size": args.size, "smoke": args.smoke, "machine": {
            "cpus": os.cpu_count(), "python": sys.version.split()[0]},
            "graph": {"entities": len(data.entities), "relationships": len(data.relationships),
                      "sources": len(data.sources)}}
        report["load"] = load_phase(graph, data, args.batch_size, naive_sample)
        graph.write("CALL db.awaitIndexes(600)")
        port = free_port()
        api_proc = start_api(env, port, args.workers)
        api = f"http://127.0.0.1:{port}"
        say("query latency through the API and through the driver")
        name = f"{args.size}{'-smoke' if args.smoke else ''}"
        report["queries"] = query_phase(graph, data, api, runs, args.out / "plans" / name)
        api_proc.terminate()
        api_proc.wait(timeout=30)
        api_proc = None
        say("concurrent reads (wrk)")
        report["concurrency"] = concurrency_phase(env, data, seconds, args.connections, args.conc_workers,
                                                  args.conc_threads, folder)
        graph.close()
        say("RDF dumps")
        report["rdf"] = rdf_phase(env, [f for f in args.rdf.split(",") if f])
        results = args.out / "results"
        results.mkdir(parents=True, exist_ok=True)
        (results / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
        (results / f"{name}.md").write_text(markdown(args.size, report))
        print(markdown(args.size, report))
    finally:
        if api_proc is not None:
            api_proc.terminate()
            api_proc.wait(timeout=30)
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
