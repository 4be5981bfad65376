"""The data: the schema, seeds, batch imports, and RDF exports and imports."""

import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from app.cli.common import CLI_ACTOR, cli, connect, console, fail, load_with_progress, schema_cli, seed_cli
from app.errors import GraphError, InvalidInput, SeedError
from app.exports.formats import EXPORTS, ExportFormat, export_file
from app.model.params import ExportParams
from app.rdf.export import View, export_chunks
from app.rdf.formats import rdf_format
from app.rdf.importer import import_rdf
from app.rdf.vocab import base_for
from app.settings import get_settings
from app.store.schema_apply import apply_schema
from app.writes.batch import parse_batch
from app.writes.curation import validate
from app.writes.loader import write_bundle


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


def _view(as_of: str | None, as_recorded: str | None) -> View:
    """The time axes checked as the API checks them."""
    try:
        params = ExportParams.model_validate({"as_of": as_of, "as_recorded": as_recorded})
    except ValidationError as exc:
        wrong = exc.errors()[0]
        raise InvalidInput(f"--{str(wrong['loc'][0]).replace('_', '-')}: {wrong['msg']}") from None
    return View(params.t, params.as_of)


@cli.command("export")
def export_rdf(
    out: Annotated[Path, typer.Argument(help="File to write; '-' for standard output.")],
    format: Annotated[str, typer.Option("--format", "-f", help="turtle, nt, jsonld, xml, trig or nquads; "
                                        "or csv (a zip), gexf, graphml or ftm.")] = "nt",
    page_size: Annotated[int, typer.Option(min=1, max=100_000, help="Entities per read.")] = 500,
    as_of: Annotated[str | None, typer.Option(help="Only facts valid on this day (YYYY-MM-DD).")] = None,
    as_recorded: Annotated[str | None, typer.Option(help="The graph as recorded at this instant "
                                                    "(ISO 8601, UTC if no offset).")] = None,
) -> None:
    """Write the whole graph as RDF, a CSV zip, GEXF, GraphML or FollowTheMoney, page by page."""
    try:
        fmt = EXPORTS.get(format) or rdf_format(format)
        view = _view(as_of, as_recorded)
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

            chunks = (export_file(graph, fmt, view, page_size) if isinstance(fmt, ExportFormat)
                      else export_chunks(graph, fmt, base, page_size, report, view))
            for chunk in chunks:
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
            bundle = parse_batch(path.read_bytes(), kind, get_settings().max_batch_records)
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


