"""`mgraph`: run the service, manage the local Neo4j, apply the schema, load seeds."""

import os
import signal
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from app.api.logs import configure_logging
from app.errors import GraphError, SeedError
from app.model.actors import Actor, Role
from app.rdf.export import export_chunks
from app.rdf.formats import rdf_format
from app.rdf.importer import import_rdf
from app.rdf.vocab import base_for
from app.reads.keys import list_keys
from app.settings import PROJECT_ROOT, get_settings
from app.store.db import Graph, open_graph
from app.store.localserver import LocalNeo4j, LocalServerError
from app.store.schema_apply import apply_schema
from app.writes.batch import parse_batch
from app.writes.curation import validate
from app.writes.keys import create_key, revoke_key
from app.writes.loader import LoadReport, load_seeds, write_bundle

cli = typer.Typer(help=__doc__, no_args_is_help=True, pretty_exceptions_enable=False)
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


def connect() -> Graph:
    graph = open_graph(get_settings())
    try:
        graph.ping()
    except GraphError as exc:
        graph.close()
        fail(exc.message)
    return graph


@schema_cli.command("apply")
def schema_apply() -> None:
    """Create constraints and indexes and record the schema version (idempotent)."""
    graph = connect()
    try:
        result = apply_schema(graph)
    finally:
        graph.close()
    verb = "applied" if result["changed"] else "already current"
    console.print(f"schema version {result['version']} ({result['checksum']}) {verb}")


def load_with_progress(graph: Graph, root: Path) -> LoadReport:
    with Progress(TextColumn("{task.description:>14}"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=False) as bar:
        tasks: dict[str, TaskID] = {}

        def report(kind: str, done: int, total: int) -> None:
            if kind not in tasks:
                tasks[kind] = bar.add_task(kind, total=total)
            bar.update(tasks[kind], completed=done)

        return load_seeds(graph, root, progress=report)


@seed_cli.command("load")
def seed_load(
    directory: Annotated[Path | None, typer.Option("--dir", help="Seed root folder.")] = None,
) -> None:
    """Validate every seed record, then write them all in one transaction (or nothing)."""
    graph = connect()
    try:
        report = load_with_progress(graph, directory or get_settings().seeds_dir)
    except SeedError as exc:
        fail(exc.message)
    finally:
        graph.close()
    console.print(f"seeds: {report.sources} sources, {report.entities} entities, "
                  f"{report.relationships} relationships; {report.created} created, "
                  f"{report.updated} updated, {report.unchanged} unchanged")


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


@cli.command("export")
def export_rdf(
    out: Annotated[Path, typer.Argument(help="File to write; '-' for standard output.")],
    format: Annotated[str, typer.Option("--format", "-f", help="turtle, nt, jsonld, xml, trig or nquads.")]
    = "nt",
    page_size: Annotated[int, typer.Option(min=1, max=100_000, help="Entities per read.")] = 500,
) -> None:
    """Write the whole graph as RDF, reading Neo4j page by page."""
    try:
        fmt = rdf_format(format)
    except GraphError as exc:
        fail(exc.message)
    base = base_for(get_settings().base_uri)
    graph = connect()
    sink = sys.stdout.buffer if str(out) == "-" else out.open("wb")
    try:
        with Progress(TextColumn("export"), BarColumn(), MofNCompleteColumn(), console=console) as bar:
            task = bar.add_task("export", total=None)

            def report(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            for chunk in export_chunks(graph, fmt, base, page_size, report):
                sink.write(chunk)
    except GraphError as exc:
        fail(exc.message)
    finally:
        graph.close()
        if sink is not sys.stdout.buffer:
            sink.close()
    if str(out) != "-":
        console.print(f"wrote {out} ({fmt.name})")


@cli.command("import-rdf")
def import_rdf_file(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="An RDF file we exported.")],
    format: Annotated[str | None, typer.Option("--format", "-f", help="Default: from the file name.")]
    = None,
) -> None:
    """Read an RDF export back: validated as a whole, written all or nothing."""
    try:
        fmt = rdf_format(format or path.suffix.lstrip("."))
    except GraphError as exc:
        fail(f"{exc.message} (use --format)")
    graph = connect()
    try:
        report = import_rdf(graph, path.read_bytes(), fmt)
    except GraphError as exc:
        fail(exc.message)
    finally:
        graph.close()
    console.print(f"imported {report.sources} sources, {report.entities} entities, "
                  f"{report.relationships} relationships")


@keys_cli.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key.")],
    role: Annotated[Role, typer.Option(help="reader, editor or admin.")] = Role.editor,
) -> None:
    """Create a key and print it once; only its hash is stored."""
    graph = connect()
    try:
        key, record = create_key(graph, name, role)
    finally:
        graph.close()
    console.print(f"created key {record['id']} ({record['role']}) for {record['name']}; "
                  "copy it now, it is not shown again:")
    typer.echo(key)


@keys_cli.command("list")
def keys_list() -> None:
    """List keys (ids, names, roles; never secrets)."""
    graph = connect()
    try:
        for row in graph.run(list_keys()):
            state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
            typer.echo(f"{row['id']}  {row['role']:<7} {state:<40} {row['name']}")
    finally:
        graph.close()


@keys_cli.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The key's id (the part after mgk_).")]) -> None:
    """Revoke a key at once."""
    graph = connect()
    try:
        revoke_key(graph, key_id)
    except GraphError as exc:
        fail(exc.message)
    finally:
        graph.close()
    console.print(f"revoked {key_id}")


@cli.command("import")
def import_file(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                         help="A .json or .csv batch in the seed format.")],
) -> None:
    """Validate a batch, then write it in one transaction, with history (or nothing)."""
    kind = "text/csv" if path.suffix.lower() == ".csv" else "application/json"
    graph = connect()
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      console=console) as bar:
            task = bar.add_task("validate", total=3)
            bundle = parse_batch(path.read_bytes(), kind)
            bar.update(task, advance=1, description="check quotes")
            validate(graph, bundle)
            bar.update(task, advance=1, description="write")
            report = write_bundle(graph, bundle, actor=CLI_ACTOR)
            bar.update(task, advance=1, description="done")
    except GraphError as exc:
        fail(exc.message)
    finally:
        graph.close()
    console.print(f"batch {report.batch}: {report.created} created, {report.updated} updated, "
                  f"{report.unchanged} unchanged")


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
    API_PID.parent.mkdir(parents=True, exist_ok=True)
    API_PID.write_text(str(os.getpid()))
    host, port = host or settings.api_host, port or settings.api_port
    console.print(f"serving on http://{host}:{port}  (docs at /docs; Ctrl-C or `make stop` ends it)")
    configure_logging()
    try:
        uvicorn.run("app.main:create_app", factory=True, host=host, port=port, log_level="info",
                    workers=workers or settings.api_workers)
    finally:
        API_PID.unlink(missing_ok=True)
        if server is not None:
            console.print("stopping Neo4j ...")
            server.stop()
            console.print("stopped")


@cli.command()
def stop() -> None:
    """Stop what `mgraph run` started: the API, then the local Neo4j."""
    try:
        pid = int(API_PID.read_text())
    except (FileNotFoundError, ValueError):
        pid = None
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
    API_PID.unlink(missing_ok=True)


def main() -> None:
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
