"""Citable snapshots (issue 28, part 2): frozen and hashed, immutable under later edits,
retractions and merges, served as Mementos; and the TimeGate on entity URIs."""

import hashlib
import json
from email.utils import parsedate_to_datetime

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph as RdfGraph

from app.model.actors import Role
from app.store.db import Graph
from app.writes.keys import create_key

AGREEMENT = "us-panama-deportation-agreement-2024"
SEED = "seed-000-eb3fd6c821e75620"
SPEC = {"ids": [AGREEMENT], "depth": 1, "title": "The graph behind our agreement story"}


@pytest.fixture(scope="module")
def keys(db: Graph) -> dict[str, dict[str, str]]:
    return {role: {"Authorization": f"Bearer {create_key(db, f'snapshot {role}', Role(role))[0]}"}
            for role in ("editor", "admin")}


@pytest.fixture(scope="module")
def snapshot(api: TestClient, keys: dict[str, dict[str, str]]) -> dict[str, object]:
    answer = api.post("/snapshots", json=SPEC, headers=keys["editor"])
    assert answer.status_code == 201, answer.text
    assert answer.headers["location"] == f"/snapshots/{answer.json()['id']}"
    return dict(answer.json())


def test_a_snapshot_is_hashed_and_its_id_comes_from_the_hash(api: TestClient, snapshot: dict[str, object],
                                                              keys: dict[str, dict[str, str]]) -> None:
    assert str(snapshot["id"]) == f"snap-{str(snapshot['sha256'])[:20]}"
    assert AGREEMENT in snapshot["entities"] and "us-department-of-homeland-security" in snapshot["entities"]  # type: ignore[operator]
    nt = api.get(f"/snapshots/{snapshot['id']}", params={"format": "nt"})
    assert nt.status_code == 200 and hashlib.sha256(nt.content).hexdigest() == snapshot["sha256"]
    assert nt.content.count(b"\n") == snapshot["triples"]
    again = api.post("/snapshots", json=SPEC, headers=keys["editor"])
    assert again.status_code == 200 and again.json()["id"] == snapshot["id"]
    assert api.post("/snapshots", json=SPEC).status_code == 401
    assert api.post("/snapshots", json={**SPEC, "depth": 3}, headers=keys["editor"]).status_code == 422


def test_a_snapshot_is_a_memento(api: TestClient, snapshot: dict[str, object]) -> None:
    answer = api.get(f"/snapshots/{snapshot['id']}")
    assert answer.status_code == 200 and answer.json()["citation"].startswith("“The graph behind")
    headers = answer.headers
    assert headers["etag"] == f'"{snapshot["sha256"]}"'
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    moment = parsedate_to_datetime(headers["memento-datetime"]).isoformat()
    assert moment[:16] == str(snapshot["recorded_at"])[:16]
    assert f'/id/{AGREEMENT}>; rel="original"' in headers["link"] and 'rel="timemap"' in headers["link"]
    timemap = api.get("/snapshots", params={"root": AGREEMENT}).json()
    assert [s["id"] for s in timemap] == [snapshot["id"]]
    assert api.get("/snapshots/snap-00000000000000000000").status_code == 404
    assert api.get("/snapshots/not-a-snapshot").status_code == 422


def test_every_format_holds_the_same_triples(api: TestClient, snapshot: dict[str, object]) -> None:
    nt = api.get(f"/snapshots/{snapshot['id']}?format=nt").text
    reference = set(RdfGraph().parse(data=nt, format="nt"))
    for name, fmt in (("ttl", "turtle"), ("jsonld", "json-ld"), ("xml", "xml")):
        answer = api.get(f"/snapshots/{snapshot['id']}", params={"format": name})
        assert answer.status_code == 200, (name, answer.text)
        assert set(RdfGraph().parse(data=answer.content, format=fmt)) == reference, name
    turtle = api.get(f"/snapshots/{snapshot['id']}", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    answer = api.get(f"/snapshots/{snapshot['id']}", params={"format": "datacite"})
    datacite = answer.json()["data"]["attributes"]
    assert datacite["types"]["resourceTypeGeneral"] == "Dataset"
    assert datacite["titles"][0]["title"] == SPEC["title"]
    assert datacite["creators"][0]["name"] == "snapshot editor"
    assert any(r["relatedIdentifier"].endswith(f"/id/{SEED}") and r["relationType"] == "IsDerivedFrom"
               for r in datacite["relatedIdentifiers"])


def test_later_edits_retractions_and_merges_leave_the_snapshot_as_it_was(
        api: TestClient, snapshot: dict[str, object], keys: dict[str, dict[str, str]]) -> None:
    url = f"/snapshots/{snapshot['id']}"
    before = api.get(url, params={"format": "nt"}).content
    cite = {"source": SEED, "quote": "Department of Homeland Security", "confidence": 1.0, "mode": "asserted"}
    edited = api.patch(f"/entities/{AGREEMENT}", headers=keys["editor"],
                       json={"aliases": ["Darién deportation deal"],
                             "citations": [{**cite, "fields": ["aliases"]}]})
    assert edited.status_code == 200, edited.text
    retracted = api.delete(f"/relationships/panama--party-to--{AGREEMENT}", headers=keys["editor"],
                           params={"note": "snapshot test"})
    assert retracted.status_code == 204, retracted.text
    merged = api.post("/entities/us-department-of-homeland-security/merge", headers=keys["admin"],
                      json={"into": "biden-administration"})
    assert merged.status_code == 200, merged.text
    after = api.get(url, params={"format": "nt"})
    assert after.status_code == 200 and after.content == before
    assert after.headers["etag"] == f'"{snapshot["sha256"]}"'
    changes = api.get(f"{url}/changes").json()
    kinds = {(c["kind"], c["id"]) for c in changes["changes"]}
    assert ("edited", AGREEMENT) in kinds and ("retracted", f"panama--party-to--{AGREEMENT}") in kinds
    assert ("merged", "us-department-of-homeland-security") in kinds and changes["total"] >= 3
    page = api.get(url, headers={"Accept": "text/html"})
    assert f"{changes['total']} facts changed since this snapshot" in page.text


def test_an_entity_uri_is_a_timegate(api: TestClient) -> None:
    moment = "Tue, 02 Jul 2024 10:00:00 GMT"
    gate = api.get("/id/panama", headers={"Accept-Datetime": moment}, follow_redirects=False)
    assert gate.status_code == 302 and "Accept-Datetime" in gate.headers["vary"]
    assert gate.headers["location"] == "/id/panama?as_recorded=2024-07-02T10%3A00%3A00%2B00%3A00"
    then = api.get(gate.headers["location"], headers={"Accept": "application/json"})
    assert then.status_code == 404  # nothing was recorded in 2024
    now = api.get("/id/panama", headers={"Accept-Datetime": "Tue, 01 Jan 2030 00:00:00 GMT",
                                         "Accept": "application/json"})
    assert now.status_code == 200 and json.loads(now.content)["id"] == "panama"
    bad = api.get("/id/panama", headers={"Accept-Datetime": "yesterday"}, follow_redirects=False)
    assert bad.status_code == 400 and "Accept-Datetime" in bad.json()["detail"]
