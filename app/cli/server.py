"""Serving and the local database: `mgraph run`, `mgraph stop`, `mgraph neo4j ...`."""

import os
import signal
import time
from typing import Annotated

import typer
import uvicorn

from app.api.logs import configure_logging
from app.api.serving import uvicorn_options
from app.cli.common import (
    cli,
    connect,
    console,
    fail,
    forget_run,
    load_with_progress,
    local_server,
    neo4j_cli,
    record_run,
    recorded_run,
    start_local,
)
from app.errors import SeedError
from app.settings import get_settings
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema


@neo4j_cli.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j and wait until Bolt answers."""
    if not get_settings().uses_local_neo4j:
        fail("NEO4J_URI is set, so the project uses that server and starts none")
    start_local()


@neo4j_cli.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j cleanly (SIGTERM)."""
    was_running = local_server().stop()
    console.print("Neo4j stopped" if was_running else "Neo4j was not running")


@neo4j_cli.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, and where its data lives."""
    status = local_server().status()
    state = "running" if status.running else "stopped"
    typer.echo(f"{state}  uri={status.bolt_uri}  pid={status.pid}  data={status.data_dir}")
    if not status.running:
        raise typer.Exit(3)


def prepare(seed: bool) -> LocalNeo4j | None:
    """Start the local Neo4j if no NEO4J_URI is set, then apply the schema and seeds."""
    settings = get_settings()
    server = start_local() if settings.uses_local_neo4j else None
    graph = connect()
    try:
        result = apply_schema(graph)
        console.print(f"schema version {result['version']} ready")
        if seed:
            report = load_with_progress(graph, settings.seeds_dir)
            console.print(f"seeds: {report.entities} entities, {report.relationships} relationships")
    except SeedError as exc:
        fail(exc.message)
    finally:
        graph.close()
    return server


@cli.command()
def run(
    host: Annotated[str | None, typer.Option(help="Address to serve on (API_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to serve on (API_PORT).")] = None,
    seed: Annotated[bool, typer.Option(help="Load the seeds before serving.")] = True,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (API_WORKERS).")] = None,
) -> None:
    """Set up the database and serve the API until Ctrl-C, then stop what was started."""
    settings = get_settings()
    server = prepare(seed)
    record_run(server.bolt_uri if server is not None else settings.effective_uri)
    host, port = host or settings.api_host, port or settings.api_port
    console.print(f"serving on http://{host}:{port}  (docs at /docs; Ctrl-C or `make stop` ends it)")
    configure_logging()
    try:
        uvicorn.run("app.main:create_app", factory=True, host=host, port=port, log_level="info",
                    workers=workers or settings.api_workers, **uvicorn_options(settings))
    finally:
        forget_run()
        if server is not None:
            console.print("stopping Neo4j ...")
            server.stop()
            console.print("stopped")


@cli.command()
def stop() -> None:
    """Stop what `mgraph run` started: the API, then the local Neo4j."""
    run = recorded_run()
    pid = int(run["pid"]) if run else None
    if pid is not None:
        try:
            os.kill(pid, signal.SIGINT)
            for _ in range(300):  # `run` stops Neo4j itself on its way out
                os.kill(pid, 0)
                time.sleep(0.2)
        except ProcessLookupError:
            pass
        console.print("API stopped")
    if local_server().stop():
        console.print("Neo4j stopped")
    forget_run()


