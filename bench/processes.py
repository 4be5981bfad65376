"""The processes a run starts: the API under uvicorn (this build's, or another checkout's)."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from app.store.localserver import LocalNeo4j


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def start_api(settings_env: dict[str, str], port: int, workers: int,
              checkout: Path | None = None) -> subprocess.Popen[bytes]:
    """uvicorn serving `app.main:create_app`; from `checkout` when given (an older build to
    measure side by side: its `app` package comes first on the path)."""
    env = {**os.environ, **settings_env}
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--port", str(port),
         "--log-level", "warning", "--no-access-log", "--workers", str(workers),
         "--timeout-keep-alive", "120"],
        env=env, cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"the API{' of ' + str(checkout) if checkout else ''} did not start")


@contextmanager
def private_neo4j(prefix: str, heap: str, pagecache: str) -> Iterator[LocalNeo4j]:
    """A Neo4j of the bench's own in a temporary folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    server = LocalNeo4j(folder / "neo4j", port=free_port(), heap=heap, pagecache=pagecache)
    try:
        say(f"starting Neo4j in {folder}")
        server.start(timeout=180)
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
