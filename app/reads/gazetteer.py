"""The graph's names as an ingestion gazetteer, built once per process and kept current.

Built by keyset pages over every current entity; afterwards each use reads only what was
recorded since (an index on recorded_at), into a small second automaton that is folded
into the first when it grows. Names retracted since the build may still be found; the
matcher, which reads the graph as it is, then proposes nothing to link them to.
"""

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.extract.gazetteer import Names, place_forms
from app.store.cypher import load
from app.store.db import Plan, step

log = logging.getLogger(__name__)
PAGE = 20_000
FOLD_AT = 20_000  # names in the catch-up automaton before it is folded into the main one
Runner = Callable[[Plan[Any]], Any]


def names_page(after: str) -> Plan[list[dict[str, Any]]]:
    rows = yield step(load("gazetteer_page"), after=after, limit=PAGE)
    return rows


def names_since(since: datetime) -> Plan[list[dict[str, Any]]]:
    rows = yield step(load("gazetteer_since"), since=since, limit=FOLD_AT + 1)
    return rows


def add_rows(names: Names, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        forms = [row["name"], *row["aliases"], *(n.split(":", 1)[-1] for n in row["names"])]
        if row["type"] == "Place":
            forms = [short for form in forms for short in place_forms(form)]
        names.add(row["id"], row["type"], row["name"], forms)


class Gazetteer:
    """Thread-safe; `current(run)` returns the automata to search, built or caught up."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._main: Names | None = None
        self._recent: list[dict[str, Any]] = []
        self._delta = Names().seal()
        self._since: datetime | None = None

    def current(self, run: Runner) -> list[Names]:
        with self._lock:
            if self._main is None or self._since is None or len(self._recent) > FOLD_AT:
                self._build(run)
            else:
                self._catch_up(run)
            assert self._main is not None
            return [self._main, self._delta]

    def _build(self, run: Runner) -> None:
        names, after, count, newest = Names(), "", 0, None
        while rows := run(names_page(after)):
            add_rows(names, rows)
            after, count = rows[-1]["id"], count + len(rows)
            page_newest = max(r["recorded_at"] for r in rows)
            newest = page_newest if newest is None else max(newest, page_newest)
            log.info("gazetteer: %d entities read", count)
        self._main, self._recent, self._delta = names.seal(), [], Names().seal()
        self._since = newest

    def _catch_up(self, run: Runner) -> None:
        """Names recorded since the last look, into the small automaton (rebuilt whole: it
        holds at most FOLD_AT entities)."""
        assert self._since is not None
        rows = run(names_since(self._since))
        if rows:
            self._recent.extend(rows)
            self._since = rows[-1]["recorded_at"]
            delta = Names()
            add_rows(delta, self._recent)
            self._delta = delta.seal()

