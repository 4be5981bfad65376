"""The concurrency phase: wrk against an API with several workers, entity reads and a mix."""

import os
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from bench.generate import SyntheticGraph
from bench.processes import free_port, say, start_api
from bench.workload import wrk_paths

WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i * 7919) % #paths + 1])
end
"""


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
