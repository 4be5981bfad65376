"""`mgraph ingest`: articles from files become proposals in the review queue."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from app.api.ingestion import ingest_article
from app.cli.common import CLI_ACTOR, cli, connect, console, fail
from app.errors import GraphError
from app.model.ingest import Ingest, IngestIn
from app.reads.gazetteer import Gazetteer


def _articles(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".txt", ".md") and p.is_file())
    if path.is_file():
        return [path]
    fail(f"{path}: no such file or folder")
    return []


def _line(path: Path, ingest: Ingest, created: bool) -> str:
    new = sum(1 for m in ingest.mentions if m.proposal == "new")
    state = "new" if created else f"already ingested ({ingest.status})"
    return (f"{path.name}: {ingest.id} {state}: {len(ingest.mentions)} mentions "
            f"({len(ingest.mentions) - new} linked, {new} new), {len(ingest.relations)} relations, "
            f"{len(ingest.dates)} dates")


@cli.command("ingest")
def ingest(
    path: Annotated[Path, typer.Argument(help="An article's text file, or a folder of .txt files.")],
    title: Annotated[str | None, typer.Option(help="Title (a single file; else the file name).")] = None,
    url: Annotated[str | None, typer.Option(help="Where the article was published.")] = None,
    published: Annotated[str | None, typer.Option(help="YYYY-MM-DD; resolves relative dates.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
) -> None:
    """Propose each article's entities, relationships and dates for review (GET /ingest)."""
    files = _articles(path)
    graph, gazetteer = connect(), Gazetteer()
    try:
        day = date.fromisoformat(published) if published else None
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      console=console) as bar:
            task = bar.add_task("ingesting", total=len(files))
            for file in files:
                body = IngestIn(text=file.read_text(encoding="utf-8"), url=url, published=day,
                                publisher=publisher, title=title if len(files) == 1 and title else file.stem)
                found, created = ingest_article(graph, gazetteer, body, CLI_ACTOR)
                bar.console.print(_line(file, found, created))
                bar.advance(task)
    except (ValueError, ValidationError, GraphError) as exc:
        fail(str(getattr(exc, "message", exc)))
    finally:
        graph.close()
