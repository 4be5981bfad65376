"""Start, stop and inspect the project's own Neo4j Community server.

The server runs from `graph/server/target` (classes plus the jars that
`mvn dependency:copy-dependencies` copied), never a shaded jar, so Neo4j's
META-INF/services files stay intact.
"""

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import DriverError, Neo4jError

from app.settings import PROJECT_ROOT, Settings

SERVER_DIR = PROJECT_ROOT / "graph" / "server" / "target"
MAIN_CLASS = "org.migrationgraph.server.LocalNeo4j"
# The module openings Neo4j 5 lists under server.jvm.additional in its neo4j.conf.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dfile.encoding=UTF-8",
]


class LocalServerError(RuntimeError):
    pass


@dataclass
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    data_dir: Path
    log_file: Path


def _reap(pid: int) -> None:
    """Collect our own child's exit status, so a killed server leaves no zombie behind."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:  # not our child: its parent reaps it
        pass


def _pid_alive(pid: int) -> bool:
    """Running, and not a zombie: a SIGKILLed child counts as gone even before it is reaped.
    A process whose main thread is a zombie while other threads still exit (a JVM tearing
    down) still holds its sockets, so it counts as running until it is one thread."""
    _reap(pid)
    try:
        status = dict(line.split(":", 1) for line in
                      Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    except FileNotFoundError:
        return False
    except OSError:  # no /proc here: ask the kernel whether the pid exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    zombie = status.get("State", "").strip().startswith("Z")
    return not (zombie and status.get("Threads", "1").strip() == "1")


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


class LocalNeo4j:
    def __init__(
        self,
        data_dir: Path,
        host: str = "127.0.0.1",
        port: int = 7687,
        heap: str = "1g",
        pagecache: str = "512m",
        tx_timeout_seconds: int = 0,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.host = host
        self.port = port
        self.heap = heap
        self.pagecache = pagecache
        self.tx_timeout_seconds = tx_timeout_seconds

    @classmethod
    def from_settings(cls, settings: Settings) -> "LocalNeo4j":
        return cls(
            settings.local_neo4j_data,
            settings.local_neo4j_host,
            settings.local_neo4j_port,
            settings.local_neo4j_heap,
            settings.local_neo4j_pagecache,
        )

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.host}:{self.port}"

    @property
    def pid_file(self) -> Path:
        return self.data_dir / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "neo4j.log"

    def command(self) -> list[str]:
        classes, jars = SERVER_DIR / "classes", SERVER_DIR / "dependency"
        if not (classes / "org").is_dir() or not jars.is_dir():
            raise LocalServerError(
                f"the Neo4j launcher is not built ({SERVER_DIR} is missing); run `make setup`"
            )
        return [
            "java", f"-Xms{self.heap}", f"-Xmx{self.heap}", *JVM_FLAGS,
            "-cp", f"{classes}{os.pathsep}{jars}/*", MAIN_CLASS,
            "--home", str(self.data_dir), "--host", self.host, "--port", str(self.port),
            "--pagecache", self.pagecache,
            "--tx-timeout-seconds", str(self.tx_timeout_seconds),
        ]

    def _read_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if not _pid_alive(pid):
            return None
        # A reused pid: a process that is not this server is not running it.
        command = _command_line(pid)
        if command and (MAIN_CLASS not in command or str(self.data_dir) not in command):
            return None
        return pid

    def status(self) -> ServerStatus:
        pid = self._read_pid()
        running = pid is not None and _port_open(self.host, self.port)
        return ServerStatus(running, pid, self.bolt_uri, self.data_dir, self.log_file)

    def start(self, timeout: float = 120.0) -> ServerStatus:
        """Start the server (or find it running) and wait until Bolt answers."""
        current = self.status()
        if current.running:
            return current
        if current.pid is None and _port_open(self.host, self.port):
            raise LocalServerError(
                f"port {self.port} is already taken by another process; "
                "set LOCAL_NEO4J_PORT or NEO4J_URI"
            )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if current.pid is None:
            with self.log_file.open("ab") as log:
                proc = subprocess.Popen(
                    self.command(), stdout=log, stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL, start_new_session=True,
                )
            self.pid_file.write_text(str(proc.pid))
        self.wait_until_ready(timeout)
        return self.status()

    def wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        last_error = "not started"
        while time.monotonic() < deadline:
            if self._read_pid() is None:
                raise LocalServerError(
                    f"Neo4j exited during start-up; see {self.log_file}:\n{self._log_tail()}"
                )
            if _port_open(self.host, self.port):
                try:
                    with GraphDatabase.driver(self.bolt_uri) as driver:
                        driver.verify_connectivity()
                        driver.execute_query("RETURN 1")
                    return
                except (DriverError, Neo4jError, OSError) as exc:
                    last_error = str(exc)
            time.sleep(0.3)
        raise LocalServerError(f"Neo4j did not answer on {self.bolt_uri} in {timeout}s: {last_error}")

    def stop(self, timeout: float = 60.0) -> bool:
        """SIGTERM the server, which shuts the database down cleanly. True if it was running."""
        pid = self._read_pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _pid_alive(pid):
            time.sleep(0.2)
        if _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
            _reap(pid)
        self.pid_file.unlink(missing_ok=True)
        return True

    def kill(self) -> None:
        """SIGKILL, for fault tests: no clean shutdown."""
        pid = self._read_pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            while _pid_alive(pid):
                time.sleep(0.05)

    def _log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"
