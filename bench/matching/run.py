"""Name matching, measured: quality on a labelled set and speed at size (issue 26).

    python -m bench.matching.run --size 100000          # quality, then speed
    python -m bench.matching.run --size 10000 --seconds 5

Starts its own Neo4j, loads the seed story and a generated graph of --size entities,
then:
  - quality: every labelled variant (bench/matching/labels.yaml, plus variants of
    generated names made here) and the names that must match nothing, in batches of 10
    through `match_many`: top-1 accuracy, precision and recall of `match: true`, and
    the rate of false `match: true`;
  - speed: batches of 10 through POST /reconcile on one API process: p50/p99 per batch
    and back-to-back queries per second; and, in the same run, the naive way (one
    full-text query and one round trip per name) over the same batches, with the ratio.
Prints a Markdown report.
"""

import argparse
import json
import random
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import yaml
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from app.model.actors import Role
from app.reads.matching import MatchQuery, match_many
from app.settings import PROJECT_ROOT, Settings
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema
from app.writes.bulk import bulk_load
from app.writes.keys import create_key
from app.writes.loader import load_seeds
from bench.generate import generate
from bench.processes import free_port, private_neo4j, say, start_api

LABELS = Path(__file__).with_name("labels.yaml")
BATCH = 10


def generated_variants(entities: list[dict[str, Any]], count: int, seed: int = 11) -> list[dict[str, Any]]:
    """Variants of generated two-word names: a typo, reordered, an initial, a title. Only
    variants with one right answer count, as a labeller would mark the rest: the name is
    unique, no other name is as close to the typo, and no namesake shares the initial."""
    rng = random.Random(seed)
    names = Counter(e["props"]["name"] for e in entities)
    initials = Counter(f"{n.split(' ')[0][0]}. {n.split(' ', 1)[-1]}" for n in names)
    people = [e for e in entities if e["type"] in ("Person", "Organization")
              and names[e["props"]["name"]] == 1 and e["props"]["name"].count(" ") == 1]
    out: list[dict[str, Any]] = []
    for entity in rng.sample(people, len(people)):
        first, last = entity["props"]["name"].split(" ", 1)
        i = rng.randrange(len(last) - 2) + 1
        typo = f"{first} {last[:i]}{last[i + 1]}{last[i]}{last[i + 2:]}"
        name = [typo, f"{last}, {first}", f"{first[0]}. {last}", f"Dr. {first} {last}"][len(out) % 4]
        if names[name] or (len(out) % 4 == 2 and initials[name] > 1) or (
                len(out) % 4 == 0 and len(process.extract(name, list(names), scorer=Levenshtein.distance,
                                                          score_cutoff=2, limit=2)) > 1):
            continue
        out.append({"name": name, "id": entity["id"]})
        if len(out) == count:
            break
    return out


def labelled(entities: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    data = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    return data["match"] + generated_variants(entities, 60), data["none"]


def query_of(item: dict[str, Any]) -> MatchQuery:
    types = (item["type"],) if item.get("type") else ()
    return MatchQuery(item["name"], types, tuple((item.get("properties") or {}).items()), 5)


def quality(graph: Graph, matches: list[dict[str, Any]], nones: list[str]) -> dict[str, Any]:
    items = [*matches, *({"name": n, "id": None} for n in nones)]
    found: dict[str, Any] = {}
    for start in range(0, len(items), BATCH):
        batch = {str(start + i): query_of(item) for i, item in enumerate(items[start:start + BATCH])}
        found.update(graph.run(match_many(batch)))
    tops = [(item, (found[str(i)] or [None])[0]) for i, item in enumerate(items)]
    right = sum(1 for item, top in tops if item["id"] and top and top.id == item["id"])
    claimed = [(item, top) for item, top in tops if top and top.match]
    true_claims = sum(1 for item, top in claimed if top.id == item["id"])
    misses = [f"{item['name']} -> {top.id if top else None}" for item, top in tops
              if item["id"] and (not top or top.id != item["id"])]
    false = [f"{item['name']} -> {top.id}" for item, top in claimed if top.id != item["id"]]
    return {"labelled": len(matches), "none": len(nones), "top1": right / len(matches),
            "match_precision": true_claims / max(1, len(claimed)),
            "match_recall": true_claims / len(matches), "false_match_rate": len(false) / len(items),
            "misses": misses, "false_matches": false}


def batches(matches: list[dict[str, Any]], count: int, seed: int = 5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    def one(item: dict[str, Any]) -> dict[str, Any]:
        return {"query": item["name"], "limit": 5, **({"type": item["type"]} if item.get("type") else {})}
    return [{f"q{i}": one(item) for i, item in enumerate(rng.sample(matches, BATCH))}
            for _ in range(count)]


def api_speed(port: int, key: str, work: list[dict[str, Any]], seconds: float) -> dict[str, float]:
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30,
                      headers={"Authorization": f"Bearer {key}"}) as client:
        for batch in work[:20]:  # warm-up
            client.post("/reconcile", data={"queries": json.dumps(batch)}).raise_for_status()
        timings = []
        for batch in work:
            started = time.perf_counter()
            client.post("/reconcile", data={"queries": json.dumps(batch)}).raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
        done, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds:
            client.post("/reconcile", data={"queries": json.dumps(work[done % len(work)])})
            done += 1
        rate = done * BATCH / (time.perf_counter() - started)
    cuts = statistics.quantiles(timings, n=100)
    return {"p50_ms": round(cuts[49], 1), "p99_ms": round(cuts[98], 1), "queries_per_s": round(rate)}


def in_process(graph: Graph, work: list[dict[str, Any]], naive: bool) -> float:
    """Queries per second through `match_many`: one round trip per batch, or per name."""
    started = time.perf_counter()
    for batch in work:
        queries = {k: MatchQuery(q["query"], tuple(filter(None, [q.get("type")])), (), 5)
                   for k, q in batch.items()}
        if naive:
            for key, query in queries.items():
                graph.run(match_many({key: query}))
        else:
            graph.run(match_many(queries))
    return len(work) * BATCH / (time.perf_counter() - started)


def run(server: LocalNeo4j, size: int, seconds: float) -> dict[str, Any]:
    graph = open_graph(Settings(_env_file=None, neo4j_uri=server.bolt_uri,
                                neo4j_read_timeout_seconds=60, neo4j_write_timeout_seconds=3600,
                                neo4j_query_timeout_seconds=3600))
    apply_schema(graph)
    load_seeds(graph, PROJECT_ROOT / "graph" / "seeds")
    say(f"generating and loading {size:,} entities")
    data = generate(size)
    bulk_load(graph, data.sources, data.entities, data.relationships, 5000)
    graph.write("CALL db.awaitIndexes(600)")
    matches, nones = labelled(data.entities)
    say("quality")
    report: dict[str, Any] = {"size": size, "quality": quality(graph, matches, nones)}
    work = batches(matches, 300)
    say("speed, in process: batched vs naive")
    batched, naive = in_process(graph, work, False), in_process(graph, work, True)
    report["in_process"] = {"batched_qps": round(batched), "naive_qps": round(naive),
                            "ratio": round(batched / naive, 2)}
    key = create_key(graph, "bench", Role.reader)[0]
    graph.close()
    port = free_port()
    api = start_api({"NEO4J_URI": server.bolt_uri, "RATE_LIMIT": "100000000/minute"}, port, 1)
    try:
        say("speed, through POST /reconcile")
        report["api"] = api_speed(port, key, work, seconds)
    finally:
        api.terminate()
        api.wait(30)
    return report


def markdown(report: dict[str, Any]) -> str:
    q, p, a = report["quality"], report["in_process"], report["api"]
    lines = [f"Graph: the seed story plus {report['size']:,} generated entities.", "",
             "| measure | figure |", "| --- | --- |",
             f"| labelled variants / names that must match nothing | {q['labelled']} / {q['none']} |",
             f"| top-1 accuracy | {q['top1']:.1%} |",
             f"| `match: true` precision / recall | {q['match_precision']:.1%} / {q['match_recall']:.1%} |",
             f"| false `match: true` (of all {q['labelled'] + q['none']} queries) | "
             f"{q['false_match_rate']:.1%} |",
             f"| batch of 10 via POST /reconcile, p50 / p99 | {a['p50_ms']} ms / {a['p99_ms']} ms |",
             f"| back-to-back batches, one client | {a['queries_per_s']} queries/s |",
             f"| in process: batched vs naive (one round trip per name) | {p['batched_qps']} vs "
             f"{p['naive_qps']} queries/s ({p['ratio']}x) |", "",
             "Top-1 misses: " + ("; ".join(q["misses"]) or "none"),
             "", "False matches: " + ("; ".join(q["false_matches"]) or "none")]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args()
    with private_neo4j("mgraph-match-", args.heap, "512m") as server:
        report = run(server, args.size, args.seconds)
    print(markdown(report))


if __name__ == "__main__":
    main()
