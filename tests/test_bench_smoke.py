"""A tiny run of every benchmark, so they cannot rot. No timing is asserted here:
the figures live in bench/README.md."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmarks_run_end_to_end(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--size", "10000", "--smoke", "--rdf", "nt",
         "--heap", "1g", "--pagecache", "512m", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((tmp_path / "results" / "10000-smoke.json").read_text())
    assert report["graph"]["entities"] == 10_000 and report["graph"]["relationships"] > 40_000
    assert report["load"]["ratio_entities"] > 1            # bulk beats one MERGE per record
    assert set(report["queries"]) == {"search", "entity", "neighbors_d1", "neighbors_d2",
                                      "paths_4_hops", "connections", "timeline"}
    assert all(q["errors"] == 0 for q in report["queries"].values())
    for load in ("entity", "mix"):  # wrk's counts: requests, non-2xx answers, socket errors
        run = report["concurrency"][load]
        assert run["errors"] == 0 and run["requests"] > 0 and run["latency_ms"]["p99"] > 0
    stream, naive = report["rdf"]["nt/stream"], report["rdf"]["nt/naive"]
    assert stream["triples"] == naive["triples"] > 10_000
    plan = (tmp_path / "plans" / "10000-smoke" / "paths_4_hops.txt").read_text()
    assert re.search(r"(?<!Stateful)ShortestPath@", plan)  # the bidirectional search ran
