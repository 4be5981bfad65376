"""What every command shares: the console, the command groups, the database connection."""

import json
import os
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from app.errors import GraphError
from app.model.actors import Actor
from app.settings import Settings, get_settings
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j, LocalServerError
from app.writes.loader import LoadReport, load_seeds

HELP = "`mgraph`: run the service, manage the local Neo4j, apply the schema, load seeds."
cli = typer.Typer(help=HELP, no_args_is_help=True, pretty_exceptions_enable=False)
neo4j_cli = typer.Typer(help="The project's own local Neo4j server.", no_args_is_help=True)
schema_cli = typer.Typer(help="Constraints, indexes and the schema version.", no_args_is_help=True)
seed_cli = typer.Typer(help="Curated seed data.", no_args_is_help=True)
cli.add_typer(neo4j_cli, name="neo4j")
cli.add_typer(schema_cli, name="schema")
keys_cli = typer.Typer(help="API keys for writes (shown once, stored hashed).", no_args_is_help=True)
cli.add_typer(seed_cli, name="seed")
cli.add_typer(keys_cli, name="keys")
CLI_ACTOR = Actor(None, "cli")
console = Console(stderr=True)


def record_run(bolt_uri: str) -> None:
    """What `mgraph run` tells the other commands: its pid and the database it serves."""
    path = get_settings().run_state_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"pid": os.getpid(), "bolt_uri": bolt_uri}))


def recorded_run() -> dict[str, Any] | None:
    """The running `mgraph run`'s record, or None when there is none or its process is gone."""
    try:
        run: dict[str, Any] = json.loads(get_settings().run_state_file.read_text())
        os.kill(int(run["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return run


def forget_run() -> None:
    get_settings().run_state_file.unlink(missing_ok=True)


def cli_settings() -> Settings:
    """The settings for a command: its own deadline (loads and exports run long), and the
    server `mgraph run` started when NEO4J_URI is unset."""
    settings = get_settings()
    update: dict[str, Any] = {"neo4j_read_timeout_seconds": settings.cli_timeout_seconds,
                              "neo4j_write_timeout_seconds": settings.cli_timeout_seconds}
    run = recorded_run()
    if not settings.neo4j_uri and run is not None:
        update["neo4j_uri"] = str(run["bolt_uri"])
    return settings.model_copy(update=update)


def fail(message: str) -> None:
    console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(1)


def local_server() -> LocalNeo4j:
    return LocalNeo4j.from_settings(get_settings())


def start_local() -> LocalNeo4j:
    server = local_server()
    console.print(f"starting Neo4j on {server.bolt_uri} (data in {server.data_dir}) ...")
    try:
        status = server.start(get_settings().local_neo4j_start_timeout_seconds)
    except LocalServerError as exc:
        fail(str(exc))
    console.print(f"Neo4j is up: {status.bolt_uri}, pid {status.pid}, data in {status.data_dir}, "
                  f"log {status.log_file}")
    return server


def connect() -> Graph:
    settings = cli_settings()
    graph = open_graph(settings)
    try:
        graph.ping()
    except GraphError as exc:
        graph.close()
        fail(f"{exc.message} ({settings.effective_uri})")
    return graph


def load_with_progress(graph: Graph, root: Path) -> LoadReport:
    with Progress(TextColumn("{task.description:>14}"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=False) as bar:
        tasks: dict[str, TaskID] = {}

        def report(kind: str, done: int, total: int) -> None:
            if kind not in tasks:
                tasks[kind] = bar.add_task(kind, total=total)
            bar.update(tasks[kind], completed=done)

        return load_seeds(graph, root, progress=report)


