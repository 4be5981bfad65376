"""What every command shares: the console, the command groups, the database connection."""

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from app.errors import GraphError
from app.model.actors import Actor
from app.settings import PROJECT_ROOT, get_settings
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
API_PID = PROJECT_ROOT / ".data" / "api.pid"


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
    graph = open_graph(get_settings())
    try:
        graph.ping()
    except GraphError as exc:
        graph.close()
        fail(exc.message)
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


