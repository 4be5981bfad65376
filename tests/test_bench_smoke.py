"""A tiny run of every benchmark, so they cannot rot. No timing is asserted here:
the figures live in bench/README.md."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmarks_run_end_to_end() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--size", "2000", "--smoke", "--rdf", "nt",
         "--workers", "1", "--heap", "512m", "--pagecache", "256m"],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((ROOT / "bench" / "results" / "2000-smoke.json").read_text())
    assert report["graph"]["entities"] == 2000 and report["graph"]["relationships"] > 5000
    assert report["load"]["ratio_entities"] > 1            # bulk beats one MERGE per record
    assert set(report["queries"]) == {"search", "entity", "neighbors_d1", "neighbors_d2",
                                      "paths_4_hops", "connections", "timeline"}
    assert all(q["errors"] == 0 for q in report["queries"].values())
    assert report["concurrency"]["errors"] == 0 and report["concurrency"]["requests_per_second"] > 0
    stream, naive = report["rdf"]["nt/stream"], report["rdf"]["nt/naive"]
    assert stream["triples"] == naive["triples"] > 10_000
    assert (ROOT / "bench" / "plans" / "2000" / "paths_4_hops.txt").read_text().strip()
