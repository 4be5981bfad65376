"""The RDF phase: each dump format streamed and built naively, each in its own process."""

import json
import os
import subprocess
import sys
from typing import Any

from bench.processes import say


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
