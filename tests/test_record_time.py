"""Record time is append-only: `as_recorded=T` answers exactly what the graph said at T.

A property test drives random sequences of create, update, link, unlink, retract,
re-import and merge through the API. After each step it records every entity's full
answer (its read with relationships, and its timeline), then asks again for every
earlier step with `as_recorded` and expects the very same answers.
"""

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.model.actors import Role
from app.store.db import Graph
from app.writes.keys import create_key

# Our own words: a source written for this test.
SOURCE = "record-time-test-source"
TEXT = ("The ministry opened a new office. Officials later said the office would close. "
        "A second agency took over the work and funded the first.")
QUOTES = ["The ministry opened a new office", "Officials later said the office would close",
          "A second agency took over the work and funded the first"]
SLOTS = 4
RUNS = count()


def stamp() -> str:
    """A record time strictly between the write before and the write after."""
    time.sleep(0.02)
    at = datetime.now(UTC).isoformat()
    time.sleep(0.02)
    return at


def cite(n: int, *fields: str) -> dict[str, Any]:
    return {"source": SOURCE, "quote": QUOTES[n % len(QUOTES)], "confidence": 0.8,
            "mode": "asserted", "fields": list(fields)}


@pytest.fixture(scope="module")
def editor(db: Graph, api: TestClient) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {create_key(db, 'record time', Role.admin)[0]}"}
    made = api.post("/sources", headers=headers, json={"id": SOURCE, "kind": "document", "text": TEXT})
    assert made.status_code == 201, made.text
    return headers


@dataclass
class World:
    """What the test believes is live, so it only asks for writes that should succeed."""

    api: TestClient
    headers: dict[str, str]
    prefix: str
    live: set[int] = field(default_factory=set)
    gone: set[int] = field(default_factory=set)  # retracted or merged away
    links: set[tuple[int, int]] = field(default_factory=set)
    unlinked: set[tuple[int, int]] = field(default_factory=set)

    def id(self, slot: int) -> str:
        return f"{self.prefix}-{slot}"

    def fact(self, a: int, b: int) -> str:
        return f"{self.id(a)}--funds--{self.id(b)}"

    def entity(self, slot: int, n: int) -> dict[str, Any]:
        return {"id": self.id(slot), "type": "Organization", "name": f"Office {slot}",
                "description": f"version {n}", "properties": {"kind": "government_agency"},
                "citations": [cite(n, "kind")]}

    def link(self, a: int, b: int, n: int) -> dict[str, Any]:
        return {"type": "FUNDS", "from": self.id(a), "to": self.id(b),
                "properties": {"purpose": f"purpose {n}"}, "citations": [cite(n, "purpose")]}

    def drop_links_of(self, slot: int) -> None:
        dropped = {x for x in self.links if slot in x}
        self.links -= dropped
        self.unlinked |= dropped

    def apply(self, op: str, a: int, b: int, n: int) -> bool:
        """Run one step if it applies to the current state; True when it wrote."""
        api, h = self.api, self.headers
        if op == "create" and a not in self.live | self.gone:
            response = api.post("/entities", headers=h, json=self.entity(a, n))
            self.live.add(a)
        elif op == "update" and a in self.live:
            response = api.patch(f"/entities/{self.id(a)}", headers=h,
                                 json={"description": f"update {n}", "citations": [cite(n, "description")]})
        elif op == "reimport" and a in self.live | self.gone:
            response = api.post("/import", headers=h, json={"entities": [self.entity(a, n)]})
            self.live.add(a)
            self.gone.discard(a)
        elif op == "link" and a != b and {a, b} <= self.live:
            response = api.post("/import", headers=h, json={"relationships": [self.link(a, b, n)]})
            self.links.add((a, b))
            self.unlinked.discard((a, b))
        elif op == "unlink" and (a, b) in self.links:
            response = api.delete(f"/relationships/{self.fact(a, b)}", headers=h)
            self.links.discard((a, b))
            self.unlinked.add((a, b))
        elif op == "retract" and a in self.live:
            response = api.delete(f"/entities/{self.id(a)}", headers=h, params={"cascade": "true"})
            self.live.discard(a)
            self.gone.add(a)
            self.drop_links_of(a)
        elif op == "merge" and a != b and {a, b} <= self.live:
            response = api.post(f"/entities/{self.id(a)}/merge", headers=h, json={"into": self.id(b)})
            self.live.discard(a)
            self.gone.add(a)
            # The merge moves a's links to b (a link between the two is dropped).
            moved = {(b if x == a else x, b if y == a else y) for x, y in self.links if a in (x, y)}
            self.drop_links_of(a)
            self.links |= {x for x in moved if x[0] != x[1]}
        else:
            return False
        assert response.status_code < 300, f"{op} {a} {b}: {response.status_code} {response.text}"
        return True

    def answers(self, at: str | None) -> dict[str, Any]:
        """Every slot's entity read and timeline, as a person would see them."""
        params = {"as_recorded": at} if at else {}
        seen: dict[str, Any] = {}
        for slot in range(SLOTS):
            for path in (f"/entities/{self.id(slot)}", f"/entities/{self.id(slot)}/timeline"):
                response = self.api.get(path, params=params, follow_redirects=False)
                if response.status_code == 308:  # where it points, without the query
                    seen[path] = (308, urlsplit(response.headers["location"]).path)
                else:
                    seen[path] = (response.status_code, response.json())
        return seen


OPS = st.sampled_from(["create", "create", "update", "reimport", "link", "link", "unlink",
                       "retract", "merge"])
STEPS = st.lists(st.tuples(OPS, st.integers(0, SLOTS - 1), st.integers(0, SLOTS - 1)),
                 min_size=6, max_size=14)


@pytest.fixture(scope="module")
def run_world(api: TestClient, editor: dict[str, str]) -> Iterator[Any]:
    def make() -> World:
        return World(api, editor, prefix=f"rt{next(RUNS)}")
    yield make


@given(steps=STEPS)
@settings(max_examples=12, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_every_earlier_answer_is_reproduced_by_as_recorded(run_world: Any, steps: list[Any]) -> None:
    world = run_world()
    history: list[tuple[str, dict[str, Any]]] = []
    for n, (op, a, b) in enumerate(steps):
        if not world.apply(op, a, b, n):
            continue
        at = stamp()
        history.append((at, world.answers(None)))
        for earlier, expected in history:
            assert world.answers(earlier) == expected, f"as_recorded={earlier} after {op} {a} {b}"


def test_a_retracted_period_stays_retracted_after_a_changed_reimport(
        api: TestClient, editor: dict[str, str]) -> None:
    world = World(api, editor, prefix="rt-fixed")
    assert world.apply("create", 0, 0, 0) and world.apply("create", 1, 0, 0)
    assert world.apply("link", 0, 1, 0)
    live = stamp()
    assert world.apply("retract", 0, 0, 1)
    retracted = stamp()
    assert world.apply("reimport", 0, 0, 2) and world.apply("link", 0, 1, 2)
    one = f"/entities/{world.id(0)}"
    assert api.get(one, params={"as_recorded": retracted}).status_code == 404
    assert api.get(one, params={"as_recorded": live}).json()["description"] == "version 0"
    now = api.get(one).json()
    assert now["description"] == "version 2"
    assert now["relationships"]["FUNDS"][0]["properties"] == {"purpose": "purpose 2"}
    neighbors = api.get(f"/entities/{world.id(1)}/neighbors", params={"as_recorded": retracted}).json()
    assert world.id(0) not in {n["id"] for n in neighbors["nodes"]}
    actions = [c["action"] for c in api.get(f"{one}/history").json()["changes"]
               if c["target"] == world.id(0)]
    assert actions == ["create", "retract", "restore"]
    assert "retracted_between" not in str(now)


def test_a_merged_id_imported_again_still_redirects_inside_its_merged_period(
        api: TestClient, editor: dict[str, str]) -> None:
    world = World(api, editor, prefix="rt-merge")
    assert world.apply("create", 0, 0, 0) and world.apply("create", 1, 0, 0)
    assert world.apply("merge", 0, 1, 0)
    merged = stamp()
    assert world.apply("reimport", 0, 0, 1)
    one = f"/entities/{world.id(0)}"
    assert api.get(one).json()["description"] == "version 1"
    then = api.get(one, params={"as_recorded": merged}, follow_redirects=False)
    assert then.status_code == 308
    assert urlsplit(then.headers["location"]).path == f"/entities/{world.id(1)}"
