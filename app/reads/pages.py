"""The whole graph read in keyset pages, for every dump (RDF and the exports): sources,
then entities, then relationships, as recorded at a moment and valid on a day."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from queue import Full, Queue
from threading import Event, Thread
from typing import Any, TypeVar

from app.model.params import FAR_FUTURE
from app.reads.history import revert
from app.store.codec import restamp
from app.store.cypher import load
from app.store.db import Graph, Plan, step


@dataclass(frozen=True)
class View:
    """Which graph an export shows: as recorded at `t` (far future: now), facts valid on
    `as_of` (None: any day)."""

    t: datetime = FAR_FUTURE
    as_of: date | None = None


NOW = View()


Visit = Callable[[str, list[dict[str, Any]]], None]
T = TypeVar("T")


def page_plan(page_size: int, visit: Visit, view: View = NOW) -> Plan[None]:
    """Read ("sources", rows) pages, then ("entities", rows), then ("relationships", rows),
    each keyset-paged, so no page holds more than `page_size` records whatever the degrees;
    `visit` gets each page as it arrives, its values as recorded at `view.t` (`recorded_at`
    a datetime: the queries hand it over as parts, codec.restamp)."""
    for kind in ("sources", "entities"):
        after = ""
        while rows := (yield step(load(f"export_{kind}"), after=after, limit=page_size, t=view.t)):
            after = rows[-1]["props"]["id"]  # before reverting: the page's own key
            restamp(row["props"] for row in rows)
            yield from revert(view.t, [row["props"] for row in rows])
            visit(kind, rows)
    after_from, after_id = "", ""
    while rows := (yield step(load("export_relationships"), after_from=after_from, after_id=after_id,
                              limit=page_size, t=view.t, as_of=view.as_of)):
        after_from, after_id = rows[-1]["from"], rows[-1]["id"]
        restamp(row["props"] for row in rows)
        yield from revert(view.t, [row["props"] for row in rows])
        visit("relationships", rows)


def iter_pages(graph: Graph, page_size: int,
               view: View = NOW) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """`page_plan`'s pages as a lazy stream, for the export that writes each as it comes."""
    pages: list[tuple[str, list[dict[str, Any]]]] = []
    plan = page_plan(page_size, lambda kind, rows: pages.append((kind, rows)), view)
    try:
        query, params = next(plan)
        while True:
            query, params = plan.send(graph.read(query, **params))
            yield from pages
            pages.clear()
    except StopIteration:
        yield from pages


_DONE = object()


def read_ahead(pages: Iterator[T], depth: int = 2) -> Iterator[T]:
    """`pages`, read by a thread up to `depth` pages ahead: the database fetches the next
    page while the caller writes this one, and memory stays bounded by `depth` pages. If
    the caller stops early (a client went away), the thread stops at its next page."""
    queue: Queue[Any] = Queue(maxsize=depth)
    stop = Event()

    def put(item: Any) -> bool:
        """Hand an item over unless the caller has gone; False once it has."""
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.5)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in pages:
                if not put(item):
                    return
            put(_DONE)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised there
            put(exc)

    Thread(target=produce, name="dump-read-ahead", daemon=True).start()
    try:
        while (item := queue.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
