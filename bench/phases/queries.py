"""The latency phase: each endpoint through the API (and through an older build's API, when
one is given) against the same recorded queries sent straight to Neo4j ("raw")."""

import random
import time
from pathlib import Path
from typing import Any, LiteralString

from app.store.db import Graph, Step
from bench.client import Client
from bench.generate import SyntheticGraph
from bench.processes import say
from bench.report import percentiles
from bench.workload import Case, record, workload


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


def replay(graph: Graph, steps: list[Step]) -> None:
    for query, params in steps:
        graph.read(query, **params)


def _timed(graph: Graph, clients: dict[str, Client], case: Case, side: str,
           times: dict[str, list[float]]) -> int:
    """One request of `case` on `side`; the errors it counts (a status of 400 or more)."""
    started = time.perf_counter()
    if side == "raw":
        assert case.steps is not None
        replay(graph, case.steps)
        errors = 0
    else:
        errors = int(clients[side].get(case.path) >= 400)
    times[side].append(time.perf_counter() - started)
    return errors


def measure(graph: Graph, clients: dict[str, Client], cases: list[Case]) -> dict[str, Any]:
    sides = ["raw", *clients]
    times: dict[str, list[float]] = {side: [] for side in sides}
    errors = 0
    for number, case in enumerate(cases):
        # The sides take turns at going first, so none always meets the other's cache.
        order = sides[number % len(sides):] + sides[:number % len(sides)]
        for side in order:
            errors += _timed(graph, clients, case, side, times)
    raw = percentiles(times["raw"])
    result: dict[str, Any] = {"raw_ms": raw, "errors": errors}
    for side in clients:
        ms = percentiles(times[side])
        prefix = "" if side == "api" else f"{side}_"
        result |= {f"{side}_ms": ms,
                   f"{prefix}overhead_p50": round(ms["p50"] / max(raw["p50"], 0.01), 2),
                   f"{prefix}overhead_p99": round(ms["p99"] / max(raw["p99"], 0.01), 2)}
    return result


def query_phase(graph: Graph, data: SyntheticGraph, apis: dict[str, str], runs: int,
                plans_dir: Path) -> dict[str, Any]:
    """`apis` names each API to measure: "api" (this build) and optionally "baseline"."""
    rng = random.Random(11)
    results: dict[str, Any] = {}
    plans_dir.mkdir(parents=True, exist_ok=True)
    clients = {name: Client(url) for name, url in apis.items()}
    try:
        for name, make in workload(data, rng).items():
            cases = [make() for _ in range(runs)]
            for case in cases:  # the queries the app's Plans send, recorded once
                case.steps = record(graph, case.plan)
            for case in cases[:5]:  # warm every side's connections and code paths
                for client in clients.values():
                    client.get(case.path)
            results[name] = measure(graph, clients, cases)
            plans = [query.splitlines()[0] + "\n" + profile(graph, query, params)
                     for query, params in cases[0].steps or []]
            (plans_dir / f"{name}.txt").write_text("\n\n".join(plans) + "\n")
            r = results[name]
            say(f"  {name}: api p50 {r['api_ms']['p50']} ms p99 {r['api_ms']['p99']} ms; "
                f"raw p50 {r['raw_ms']['p50']} ms"
                + (f"; baseline p50 {r['baseline_ms']['p50']} ms" if "baseline_ms" in r else ""))
    finally:
        for client in clients.values():
            client.close()
    return results
