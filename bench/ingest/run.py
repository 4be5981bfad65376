"""Article ingestion, measured: quality on the labelled articles, speed at size.

    python -m bench.ingest.run --size 100000            # dev and held-out quality, speed
    python -m bench.ingest.run --size 10000 --repeat 3

Starts its own Neo4j, loads the seed story and a generated graph of --size entities, then:
  - quality on the development and the held-out articles (bench/ingest/quality.py);
  - the gazetteer's first build over every name in the graph;
  - a 1,500-word article proposed warm (gazetteer built): p50 and worst of --repeat runs;
  - a review accepting 50 proposals (new entities, links and relations) in one transaction.
Prints a Markdown report.
"""

import argparse
import os
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from app.model.actors import Actor
from app.model.ingest import Ingest, IngestIn, ReviewIn
from app.reads.gazetteer import Gazetteer
from app.reads.ingest import propose
from app.settings import PROJECT_ROOT, Settings
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema
from app.writes.bulk import bulk_load
from app.writes.ingest import review, save_ingest
from app.writes.loader import load_seeds
from bench.generate import generate
from bench.ingest.quality import Score, articles, score
from bench.processes import private_neo4j, say

WORDS = 1500


def quality(graph: Graph, gazetteer: Gazetteer, held_out: bool) -> dict[str, Any]:
    total = Score()
    for article in articles(held_out):
        body = IngestIn(text=article["text"], published=date.fromisoformat(str(article["published"])))
        total.add(score(article, graph.run(propose(body, gazetteer.current(graph.run)))))
    return {**total.ratios(), "duplicates": total.duplicates, "misses": total.misses}


def long_article() -> str:
    texts = [a["text"] for a in articles(False) + articles(True)]
    out: list[str] = []
    while sum(len(t.split()) for t in out) < WORDS:
        out.append(texts[len(out) % len(texts)])
    return "\n\n".join(out)


def rss_mb() -> float:
    """This process's resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def timed(work: Any) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def fifty(ingest: Ingest) -> ReviewIn:
    """Accept proposals until 50: each relation with its ends (and speaker)."""
    mentions: dict[str, Any] = {}
    relations: dict[str, Any] = {}
    for rel in ingest.relations:
        ends = [m for m in (rel.subject, rel.object, rel.attributed_to) if m]
        if len(mentions) + len(relations) + len(set(ends) - set(mentions)) + 1 > 50:
            break
        mentions |= {m: {"action": "accept"} for m in ends}
        relations[rel.id] = {"action": "accept"}
    for m in ingest.mentions:
        if len(mentions) + len(relations) >= 50:
            break
        mentions.setdefault(m.id, {"action": "accept"})
    return ReviewIn.model_validate({"mentions": mentions, "relations": relations})


def speed(graph: Graph, gazetteer: Gazetteer, repeat: int) -> dict[str, Any]:
    body = IngestIn(text=long_article(), published=date(2024, 7, 15))
    graph.run(propose(body, gazetteer.current(graph.run)))  # warm: dateparser, caches
    runs = [timed(lambda: graph.run(propose(body, gazetteer.current(graph.run)))) for _ in range(repeat)]
    ingest = graph.run(propose(body, gazetteer.current(graph.run)))
    save_ingest(graph, ingest, Actor(None, "bench"))
    decisions = fifty(ingest)
    accepted = len(decisions.mentions) + len(decisions.relations)
    seconds = timed(lambda: review(graph, ingest, decisions, Actor(None, "bench")))
    return {"words": len(body.text.split()), "mentions": len(ingest.mentions),
            "relations": len(ingest.relations), "propose_p50": statistics.median(runs),
            "propose_max": max(runs), "accepted": accepted, "accept_seconds": seconds}


def run(server: LocalNeo4j, size: int, repeat: int) -> dict[str, Any]:
    graph = open_graph(Settings(_env_file=None, neo4j_uri=server.bolt_uri, neo4j_password=None,  # type: ignore[call-arg]
                                neo4j_write_timeout_seconds=120, neo4j_read_timeout_seconds=60))
    apply_schema(graph)
    load_seeds(graph, PROJECT_ROOT / "graph" / "seeds")
    if size:
        data = generate(size)
        say(f"loading {size:,} generated entities")
        bulk_load(graph, data.sources, data.entities, data.relationships, 5000)
    graph.write("CALL db.awaitIndexes(600)")
    gazetteer, before = Gazetteer(), rss_mb()
    build = timed(lambda: gazetteer.current(graph.run))
    report = {"size": size, "gazetteer_build": build, "gazetteer_mb": rss_mb() - before,
              "gazetteer_keys": sum(len(n) for n in gazetteer.current(graph.run)),
              "dev": quality(graph, gazetteer, False),
              "held_out": quality(graph, gazetteer, True), "speed": speed(graph, gazetteer, repeat)}
    graph.close()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--heap", default="2g")
    args = parser.parse_args()
    with private_neo4j("mgraph-ingest-", args.heap, "1g") as server:
        report = run(server, args.size, args.repeat)
    print(markdown(report))


def markdown(r: dict[str, Any]) -> str:
    s = r["speed"]
    lines = [f"### Ingestion at {r['size']:,} generated entities (+ the seed story)", "",
             "| set | NE recall | NE precision | linking | duplicates | relation precision "
             "| relation recall |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for name in ("dev", "held_out"):
        q = r[name]
        lines.append(f"| {name} | {q['recall']} % | {q['precision']} % | {q['linking']} % | "
                     f"{q['duplicates']} | {q['relation_precision']} % | {q['relation_recall']} % |")
    lines += ["", f"- gazetteer first build: {r['gazetteer_build']:.2f} s, {r['gazetteer_keys']:,} "
              f"distinct names, {r['gazetteer_mb']:.0f} MB more resident memory",
              f"- a {s['words']:,}-word article ({s['mentions']} mentions, {s['relations']} relations) "
              f"proposed warm: p50 {s['propose_p50']:.3f} s, worst {s['propose_max']:.3f} s",
              f"- review accepting {s['accepted']} proposals in one transaction: {s['accept_seconds']:.3f} s",
              "", "Held-out misses: " + "; ".join(r["held_out"]["misses"])]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
