"""Both time axes are honoured where a route declares them, and refused by name where it
does not: no parameter is ever silently ignored (issue 24, item 1)."""

import re
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.model.actors import Role
from app.store.db import Graph
from app.writes.keys import create_key

BEFORE_ANY_RECORD = "2001-01-01T00:00:00Z"
# What a route needs besides its path to answer about the seed story.
REQUIRED = {"/paths": {"from": "alejandro-mayorkas", "to": "jose-raul-mulino"},
            "/connections": {"ids": ["united-states", "panama"]}, "/subgraph": {"ids": ["panama"]},
            "/entities": {"q": "Panama"}, "/facts": {"source": "seed-000-eb3fd6c821e75620"},
            "/reconcile": {"queries": '{"q0": {"query": "Panama"}}'},
            "/reconcile/suggest/entity": {"prefix": "pan"}, "/reconcile/preview": {"id": "panama"}}
PATH_VALUES = {"entity_id": "panama", "ident": "panama", "source_id": "seed-000-eb3fd6c821e75620",
               "rel_id": "panama--party-to--us-panama-deportation-agreement-2024",
               "fact_id": "panama--party-to--us-panama-deportation-agreement-2024"}


def operations(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    spec = client.get("/openapi.json").json()
    return [(method.upper(), path, op) for path, ops in spec["paths"].items() for method, op in ops.items()]


def url(path: str, entity: str = "panama") -> str:
    values = {**PATH_VALUES, "entity_id": entity, "ident": entity}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), entity), path)


def declares(op: dict[str, Any], name: str) -> bool:
    return any(p["name"] == name and p["in"] == "query" for p in op.get("parameters", []))


def test_an_undeclared_query_parameter_is_a_422_naming_it(client: TestClient) -> None:
    """Every documented operation; the time axes on routes that do not take them above all."""
    wrong = []
    for method, path, _ in operations(client):
        answer = client.request(method, url(path), params={"bogus_param": "1"})
        body = answer.json() if "json" in answer.headers.get("content-type", "") else {}
        named = any(e.get("loc") == ["query", "bogus_param"] for e in body.get("errors", []))
        if answer.status_code not in (401, 422) or (answer.status_code == 422 and not named):
            wrong.append((method, path, answer.status_code))
    assert wrong == []


@pytest.mark.parametrize("path", ["/.well-known/void", "/graph/{source_id}"])
def test_routes_without_the_time_axes_name_them_in_the_refusal(client: TestClient, path: str) -> None:
    for name, value in (("as_of", "2024-07-01"), ("as_recorded", BEFORE_ANY_RECORD)):
        declared = any(declares(op, name) for m, p, op in operations(client) if p == path and m == "GET")
        answer = client.get(url(path), params={name: value})
        assert declared or (answer.status_code == 422 and name in answer.json()["detail"]), answer.text


def test_every_get_route_declaring_as_recorded_answers_as_recorded(client: TestClient) -> None:
    """Asked about a moment before anything was recorded, each answer differs from today's."""
    same = []
    for method, path, op in operations(client):
        if method != "GET" or not declares(op, "as_recorded"):
            continue
        params = REQUIRED.get(path, {})
        now = client.get(url(path), params=params)
        then = client.get(url(path), params={**params, "as_recorded": BEFORE_ANY_RECORD})
        if (now.status_code, now.content) == (then.status_code, then.content) or now.status_code != 200:
            same.append((path, now.status_code, then.status_code))
    assert same == [], same


def test_entity_suggest_honours_its_type(client: TestClient) -> None:
    every = client.get("/reconcile/suggest/entity", params={"prefix": "pan"}).json()["result"]
    countries = client.get("/reconcile/suggest/entity", params={"prefix": "pan", "type": "Country"}).json()
    assert len(every) > 1 and [h["id"] for h in countries["result"]] == ["panama"]


JUNE = {"valid_from": "2024-06-01", "valid_to": "2024-06-30"}
CITED = [{"source": "seed-000-eb3fd6c821e75620", "confidence": 0.8, "mode": "asserted",
          "quote": "Ecuador has imposed visa requirements for Chinese migrants"}]
# Facts valid in June 2024 only, one for each kind of read, and an event on 10 July.
DATED = [
    {"type": "RELIES_ON", "from": "ecuador", "to": "mexico",
     "properties": {"purpose": "Visa policy coordination."}},
    {"type": "RELIES_ON", "from": "panama", "to": "mexico", "properties": {"purpose": "Border talks."}},
    {"type": "AFFECTS", "from": "ecuador-visa-requirement-chinese-nationals", "to": "mexico"},
    {"type": "PARTY_TO", "from": "mexico", "to": "us-panama-deportation-agreement-2024"},
]
SUMMIT = {"id": "darien-border-summit", "type": "Event", "name": "Darién border summit",
          "properties": {"kind": "meeting", "date": "2024-07-10"},
          "citations": [{**CITED[0], "fields": ["name", "kind", "date"]}]}
# What a route needs besides its path so that a June fact is in its answer.
DATED_REQUIRED = {**REQUIRED, "/paths": {"from": "ecuador", "to": "mexico"},
                  "/connections": {"ids": ["ecuador", "panama"]}, "/subgraph": {"ids": ["ecuador", "mexico"]},
                  "/entities": {"q": "border summit"},
                  "/reconcile": {"extend": '{"ids": ["ecuador"], "properties": [{"id": "RELIES_ON"}]}'}}


@pytest.fixture(scope="module")
def dated(api: TestClient, db: Graph) -> str:
    """Writes the June facts and the July event; returns a moment before they were recorded."""
    key = {"Authorization": f"Bearer {create_key(db, 'axes editor', Role.editor)[0]}"}
    before = datetime.now(UTC).isoformat()
    time.sleep(0.05)
    for fact in DATED:
        answer = api.post("/relationships", json={**fact, **JUNE, "citations": CITED}, headers=key)
        assert answer.status_code == 201, answer.text
    answer = api.post("/entities", json=SUMMIT, headers=key)
    assert answer.status_code == 201, answer.text
    return before


def test_every_get_route_declaring_as_of_answers_as_of(api: TestClient, dated: str) -> None:
    """A day in June and a day in August give different answers on every route taking as_of."""
    same, walked = [], []
    for method, path, op in operations(api):
        if method != "GET" or not declares(op, "as_of"):
            continue
        walked.append(path)
        params = DATED_REQUIRED.get(path, {})
        june = api.get(url(path, "ecuador"), params={**params, "as_of": "2024-06-15"})
        august = api.get(url(path, "ecuador"), params={**params, "as_of": "2024-08-01"})
        if june.status_code != 200 or june.content == august.content:
            same.append((path, june.status_code, august.status_code))
    assert same == [] and len(walked) >= 12, (same, walked)
    events = {day: api.get("/entities", params={"type": "Event", "as_of": day}).text
              for day in ("2024-07-09", "2024-07-10")}
    assert "darien-border-summit" in events["2024-07-10"]
    assert "darien-border-summit" not in events["2024-07-09"]


def test_an_entity_and_its_uri_honour_both_axes(api: TestClient, dated: str) -> None:
    """A relationship valid in June 2024, recorded now: seen on a June day, not in August;
    and not at all as recorded before it was written. /id answers as /entities does."""
    before = dated

    def relies_on(path: str, **params: str) -> list[str]:
        answer = api.get(path, params={"format": "json", **params} if path.startswith("/id") else params)
        assert answer.status_code == 200, answer.text
        return [r["other"]["id"] for r in answer.json()["relationships"].get("RELIES_ON", [])]

    for path in ("/entities/ecuador", "/id/ecuador"):
        assert "mexico" in relies_on(path, as_of="2024-06-15")
        assert "mexico" not in relies_on(path, as_of="2024-08-01")
        assert "mexico" in relies_on(path)
        assert "mexico" not in relies_on(path, as_recorded=before)
        assert "ISSUED" in api.get(path, params={"as_of": "2024-08-01", **(
            {"format": "json"} if path.startswith("/id") else {})}).json()["relationships"]  # undated kept
    fact = "/fact/ecuador--relies-on--mexico"
    assert fact not in api.get("/id/ecuador", params={"format": "ttl", "as_of": "2024-08-01"}).text
    assert fact in api.get("/id/ecuador", params={"format": "ttl", "as_of": "2024-06-15"}).text
    assert api.get("/id/seed-000-eb3fd6c821e75620", params={"as_recorded": BEFORE_ANY_RECORD,
                                                           "format": "ttl"}).status_code == 404


def test_the_export_honours_both_axes(api: TestClient, dated: str) -> None:
    """The whole-graph dump shows the graph as recorded then, with the facts valid that day."""
    def dump(**params: str) -> str:
        answer = api.get("/export", params={"format": "nt", **params})
        assert answer.status_code == 200, answer.text
        return answer.text

    fact, summit = "/fact/ecuador--relies-on--mexico", "/id/darien-border-summit"
    now, then, august = dump(), dump(as_recorded=dated), dump(as_of="2024-08-01")
    assert fact in now and summit in now
    assert fact not in then and summit not in then and "/id/panama>" in then
    assert fact not in august and "/fact/panama--party-to--us-panama-deportation-agreement-2024" in august
