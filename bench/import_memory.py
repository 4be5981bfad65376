"""The API's memory around large imports that fail (issue 23): does it return to baseline?

    python -m bench.import_memory            # 3 rounds of each failure
    python -m bench.import_memory --rounds 5

Starts its own Neo4j and one API process, then posts, round after round,
  - an oversized batch (35,000 records, 9.5 MB, under the body limit: a 413 after parsing),
  - a batch at the record limit whose last record is invalid (a 422 after validation),
  - a batch at the record limit that runs past a short write deadline (a 503 from Neo4j),
and reads the API's resident memory (VmRSS) before and after each. Prints one table.
"""

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from app.model.actors import Role
from app.settings import Settings
from app.store.db import open_graph
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema
from app.writes.keys import create_key
from bench.processes import free_port, say, start_api

SENTENCE = "An official said the programme would continue."
LIMIT = 10_000


def batch(prefix: str, count: int, broken: bool = False) -> bytes:
    """`count` new Person records citing one source, each with an alias and a description."""
    source = {"id": f"{prefix}-src", "kind": "report", "text": SENTENCE}
    people = [{"id": f"{prefix}-{i}", "type": "Person", "name": f"Person {prefix} {i}",
               "aliases": [f"P{prefix}{i}"], "description": "A person named in a report.",
               "citations": [{"source": source["id"], "quote": SENTENCE,
                              "confidence": 1.0, "mode": "asserted"}]}
              for i in range(count - 1)]
    if broken:
        people.append({"id": f"{prefix}-last", "type": "Person", "name": "", "citations": []})
    return json.dumps({"sources": [source], "entities": people}).encode()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def post(client: httpx.Client, body: bytes) -> tuple[int, float]:
    started = time.perf_counter()
    answer = client.post("/import", content=body, headers={"Content-Type": "application/json"})
    return answer.status_code, time.perf_counter() - started


def measure(client: httpx.Client, pid: int, rounds: int) -> list[dict[str, Any]]:
    cases = [("oversized 35,000", lambda r: batch(f"o{r}", 35_000)),
             (f"invalid last of {LIMIT:,}", lambda r: batch(f"i{r}", LIMIT, broken=True)),
             (f"deadline {LIMIT:,}", lambda r: batch(f"d{r}", LIMIT))]
    rows = []
    for round_no in range(rounds):
        for name, make in cases:
            body = make(round_no)
            before = rss_mb(pid)
            status, seconds = post(client, body)
            del body
            time.sleep(3)  # the answer goes out, the worker thread ends, the release runs
            rows.append({"round": round_no + 1, "case": name, "status": status,
                         "seconds": round(seconds, 1), "before_mb": round(before),
                         "after_mb": round(rss_mb(pid))})
            say(json.dumps(rows[-1]))
    return rows


def run(server: LocalNeo4j, rounds: int) -> tuple[float, list[dict[str, Any]], float]:
    settings = Settings(_env_file=None, neo4j_uri=server.bolt_uri)
    graph = open_graph(settings)
    apply_schema(graph)
    key, _ = create_key(graph, "bench", Role.editor)
    graph.close()
    port = free_port()
    api = start_api({"NEO4J_URI": server.bolt_uri, "NEO4J_WRITE_TIMEOUT_SECONDS": "2",
                     "NEO4J_QUERY_TIMEOUT_SECONDS": "2", "RATE_LIMIT": "100000/minute"},
                    port, workers=1)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120,
                          headers={"Authorization": f"Bearer {key}"}) as client:
            assert post(client, batch("warm", 50))[0] in (200, 201), "the warm-up import failed"
            baseline = rss_mb(api.pid)
            rows = measure(client, api.pid, rounds)
            time.sleep(5)
            return baseline, rows, rss_mb(api.pid)
    finally:
        api.terminate()
        api.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mgraph-memory-"))
    server = LocalNeo4j(folder / "neo4j", port=free_port())
    try:
        say(f"starting Neo4j in {folder}")
        server.start(timeout=180)
        baseline, rows, final = run(server, args.rounds)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"baseline (after a 50-record warm-up): {baseline:.0f} MB; "
          f"5 s after the last failure: {final:.0f} MB")
    print("| round | batch | status | seconds | RSS before | RSS after |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row['round']} | {row['case']} | {row['status']} | {row['seconds']} | "
              f"{row['before_mb']} MB | {row['after_mb']} MB |")


if __name__ == "__main__":
    main()
