"""Curation against a private real Neo4j: keys and roles, cited writes, batches, history,
the record-time axis, merge, hostile input and limits."""

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.model.actors import Role
from app.model.records import SourceRecord
from app.store.db import Graph
from app.store.localserver import LocalNeo4j
from app.writes.keys import create_key
from tests.conftest import settings_for, snapshot

SOURCE = "seed-000-eb3fd6c821e75620"
NEW_TEXT = ("Costa Rica's migration agency said on Monday that it would bus migrants arriving "
            "from Panama straight to its northern border with Nicaragua. The agency director, "
            "Marlen Luna, said the measure follows the U.S.-Panama agreement.")
NEW_SOURCE = "example-costa-rica-buses-2024"


@pytest.fixture(scope="module")
def keys(db: Graph) -> dict[str, str]:
    return {role: create_key(db, f"test {role}", Role(role))[0] for role in ("reader", "editor", "admin")}


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def cite(quote: str, **extra: Any) -> dict[str, Any]:
    return {"source": SOURCE, "quote": quote, "confidence": 0.9, "mode": "asserted", **extra}


def now() -> str:
    time.sleep(0.05)  # keep record times strictly apart
    stamp = datetime.now(UTC).isoformat()
    time.sleep(0.05)
    return stamp


# --- auth matrix -------------------------------------------------------------------

WRITES = [
    ("post", "/sources", "editor"), ("patch", "/sources/" + SOURCE, "editor"),
    ("post", "/entities", "editor"), ("patch", "/entities/panama", "editor"),
    ("delete", "/entities/ecuador", "editor"), ("post", "/entities/mexico/merge", "admin"),
    ("post", "/relationships", "editor"), ("patch", "/relationships/x--y--z", "editor"),
    ("delete", "/relationships/x--y--z", "editor"), ("post", "/import", "editor"),
    ("post", "/keys", "admin"), ("get", "/keys", "admin"), ("delete", "/keys/0123456789ab", "admin"),
]


@pytest.mark.parametrize("method, path, needed", WRITES)
def test_auth_matrix(api: TestClient, keys: dict[str, str], db: Graph, method: str, path: str,
                     needed: str) -> None:
    before = snapshot(db)
    call = getattr(api, method)
    kwargs: dict[str, Any] = {} if method in ("get", "delete") else {"json": {}}
    missing = call(path, **kwargs)
    assert missing.status_code == 401 and "needs an API key" in missing.json()["detail"]
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = call(path, headers=auth("mgk_0123456789ab_not-a-real-secret"), **kwargs)
    assert wrong.status_code == 401 and "unknown or revoked" in wrong.json()["detail"]
    malformed = call(path, headers={"X-API-Key": "letmein"}, **kwargs)
    assert malformed.status_code == 401
    for role in ("reader", "editor", "admin"):
        response = call(path, headers=auth(keys[role]), **kwargs)
        allowed = {"reader": 1, "editor": 2, "admin": 3}[role] >= {"editor": 2, "admin": 3}[needed]
        if allowed:
            assert response.status_code not in (401, 403), (role, response.text)
        else:
            assert response.status_code == 403 and needed in response.json()["detail"]
    # The empty or bogus bodies above are all rejected: nothing changed.
    assert _content(snapshot(db)) == _content(before)


def _content(snap: dict[str, Any]) -> dict[str, Any]:
    """Graph content without ApiKey bookkeeping."""
    return {"nodes": [n for n in snap["nodes"] if "ApiKey" not in n["labels"]], "rels": snap["rels"]}


def test_revoked_key_is_refused_and_keys_are_never_shown_again(api: TestClient, keys: dict[str, str]) -> None:
    created = api.post("/keys", headers=auth(keys["admin"]), json={"name": "temp", "role": "editor"})
    assert created.status_code == 201
    key = created.json()["key"]
    listed = api.get("/keys", headers=auth(keys["admin"])).json()
    assert key not in json.dumps(listed) and all("hash" not in row for row in listed)
    assert api.delete(f"/keys/{created.json()['id']}", headers=auth(keys["admin"])).status_code == 204
    response = api.post("/entities", headers=auth(key), json={})
    assert response.status_code == 401 and "revoked" in response.json()["detail"]


def test_reads_can_require_a_key(seeded_server: LocalNeo4j, keys: dict[str, str]) -> None:
    with TestClient(create_app(settings_for(seeded_server, reads_require_key=True))) as client:
        assert client.get("/entities/panama").status_code == 401
        assert client.get("/entities/panama", headers=auth(keys["reader"])).status_code == 200
        assert client.get("/health").status_code == 200
        assert client.get("/").status_code == 200  # the page loads; its API calls need the key


# --- cited writes ----------------------------------------------------------------

def test_writes_without_a_valid_citation_are_rejected(api: TestClient, keys: dict[str, str],
                                                      db: Graph) -> None:
    editor = auth(keys["editor"])
    before = snapshot(db)
    no_cite = api.post("/entities", headers=editor,
                       json={"id": "no-cite", "type": "Person", "name": "No Cite", "citations": []})
    assert no_cite.status_code == 422 and "citations" in no_cite.text
    bad_quote = api.post("/relationships", headers=editor, json={
        "type": "RELIES_ON", "from": "united-states", "to": "china",
        "properties": {"purpose": "trade"}, "citations": [cite("the U.S. relies on China")]})
    assert bad_quote.status_code == 422 and "not found word for word" in bad_quote.json()["detail"]
    uncited = api.patch("/entities/mexico", headers=editor, json={
        "description": "A country.", "citations": [cite("Mexican officials")]})
    assert uncited.status_code == 422 and "uncited: description" in uncited.json()["detail"]
    wrong_end = api.post("/relationships", headers=editor, json={
        "type": "HOLDS_POST", "from": "panama", "to": "mexico", "citations": [cite("Panama")]})
    assert wrong_end.status_code == 422 and "cannot start at a Country" in wrong_end.json()["detail"]
    assert _content(snapshot(db)) == _content(before)


def test_create_update_and_conflict(api: TestClient, keys: dict[str, str]) -> None:
    editor = auth(keys["editor"])
    created = api.post("/entities", headers=editor, json={
        "id": "us-border-patrol", "type": "Organization", "name": "U.S. Border Patrol",
        "properties": {"kind": "government_agency"},
        "citations": [cite("illegal crossings at the U.S. southern border", fields=["kind"])]})
    assert created.status_code == 201 and created.json()["created"] == 1
    again = api.post("/entities", headers=editor, json={
        "id": "us-border-patrol", "type": "Organization", "name": "x",
        "properties": {"kind": "group"}, "citations": [cite("illegal crossings", fields=["kind"])]})
    assert again.status_code == 409
    rel = api.post("/relationships", headers=editor, json={
        "type": "PART_OF", "from": "us-border-patrol", "to": "united-states",
        "citations": [cite("secure its borders and enforce immigration laws")]})
    assert rel.status_code == 201
    patched = api.patch("/relationships/us-border-patrol--part-of--united-states", headers=editor,
                        json={"valid_from": "2003-03-01",
                              "citations": [cite("enforce immigration laws")]})
    assert patched.status_code == 200 and patched.json()["updated"] == 1
    body = api.get("/entities/us-border-patrol").json()
    part_of = body["relationships"]["PART_OF"][0]
    assert part_of["valid_from"] == "2003-03-01" and len(part_of["citations"]) == 2


# --- batches ------------------------------------------------------------------------

CSV_HEADER = ("record,id,type,name,aliases,names,description,wikidata_qid,from,to,valid_from,valid_to,"
              "date_text,properties,source,quote,confidence,mode,attributed_to,fields,kind,title,"
              "publisher,url,published,language,text")


def csv_batch() -> str:
    rows = [
        f'source,{NEW_SOURCE},,,,,,,,,,,,,,,,,,,news_article,Costa Rica buses migrants north,'
        f'Example Wire,,2024-07-02,en,"{NEW_TEXT}"',
        f'entity,costa-rica,Country,Costa Rica,,es:Costa Rica,,Q800,,,,,,"{{""iso_alpha2"": ""CR""}}",'
        f"{NEW_SOURCE},Costa Rica's migration agency,1,asserted,,,,,,,,,",
        f'entity,marlen-luna,Person,Marlen Luna,Luna,,,,,,,,,,{NEW_SOURCE},"The agency director, '
        f'Marlen Luna",1,asserted,,name,,,,,,,',
        f"relationship,,AFFECTS,,,,,,us-panama-deportation-agreement-2024,costa-rica,,,,"
        f'"{{""how"": ""Migrants are bussed to the Nicaraguan border.""}}",{NEW_SOURCE},'
        f'the measure follows the U.S.-Panama agreement,0.8,attributed,marlen-luna,,,,,,,,',
        f"relationship,,AFFECTS,,,,,,us-panama-deportation-agreement-2024,costa-rica,,,,"
        f'"{{""how"": ""Migrants are bussed to the Nicaraguan border.""}}",{NEW_SOURCE},'
        f"bus migrants arriving from Panama,0.9,asserted,,,,,,,,,",
    ]
    return CSV_HEADER + "\n" + "\n".join(rows) + "\n"


def test_a_bad_batch_writes_nothing_and_lists_every_problem(api: TestClient, keys: dict[str, str],
                                                            db: Graph) -> None:
    before = snapshot(db)
    batch = {"entities": [
        {"id": "ok-person", "type": "Person", "name": "Ok", "citations": [cite("Mayorkas")]},
        {"id": "Bad Id", "type": "Person", "name": "x", "citations": [cite("Mayorkas")]},
        {"id": "no-type", "name": "x", "citations": [cite("Mayorkas")]},
        {"id": "bad-quote", "type": "Person", "name": "x", "citations": [cite("not in the text")]},
    ]}
    response = api.post("/import", headers=auth(keys["editor"]), json=batch)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "entities[1] (id=Bad Id): field id" in detail
    assert "entities[2] (id=no-type): field type" in detail
    assert snapshot(db) == before  # the good record was not written either
    late = api.post("/import", headers=auth(keys["editor"]), json={"entities": [batch["entities"][0],
                                                                             batch["entities"][3]]})
    assert late.status_code == 422 and "bad-quote" in late.json()["detail"]
    assert snapshot(db) == before
    broken_csv = CSV_HEADER + "\nspaceship,x\nentity,,Person,,,,,,,,,,,{not json},,,,,,,,,,,,,\n"
    response = api.post("/import", headers={**auth(keys["editor"]), "Content-Type": "text/csv"},
                        content=broken_csv)
    assert response.status_code == 422
    assert "line 2: field record" in response.json()["detail"]
    assert "line 3: field properties" in response.json()["detail"]
    assert snapshot(db) == before


def test_csv_import_from_another_article_is_idempotent_and_in_history(
        api: TestClient, keys: dict[str, str], db: Graph) -> None:
    headers = {**auth(keys["editor"]), "Content-Type": "text/csv"}
    before_import = now()
    first = api.post("/import", headers=headers, content=csv_batch())
    assert first.status_code == 200, first.text
    assert first.json()["created"] == 4  # source, two entities, one relationship (two citations)
    after_first = snapshot(db)
    second = api.post("/import", headers=headers, content=csv_batch())
    assert second.json() == {**second.json(), "created": 0, "updated": 0, "unchanged": 4}
    assert snapshot(db) == after_first
    costa = api.get("/entities/costa-rica").json()
    affects = costa["relationships"]["AFFECTS"][0]
    assert {c["mode"] for c in affects["citations"]} == {"asserted", "attributed"}
    history = api.get("/entities/costa-rica/history").json()["changes"]
    assert [c["action"] for c in history] == ["create", "create"]
    assert {c["actor"] for c in history} == {"test editor"}
    # The graph as it was before the import.
    assert api.get("/entities/costa-rica", params={"as_recorded": before_import}).status_code == 404
    agreement = api.get("/entities/us-panama-deportation-agreement-2024",
                        params={"as_recorded": before_import}).json()
    assert "costa-rica" not in json.dumps(agreement)


# --- history and as_recorded ---------------------------------------------------------

def test_history_and_as_recorded_after_update_and_retraction(api: TestClient, keys: dict[str, str]) -> None:
    editor = auth(keys["editor"])
    notice = {"id": "test-ecuador-visa-notice", "kind": "press_release", "title": "Visa notice",
              "text": "Ecuador suspended its visa requirement for Chinese nationals on 1 March 2025."}
    assert api.post("/sources", json=notice, headers=editor).status_code == 201
    published = now()
    suspended = {"stage": "suspended", "date": "2025-03-01", "citation": {
        "source": notice["id"], "quote": "Ecuador suspended its visa requirement", "confidence": 1.0,
        "mode": "asserted"}}
    changed = api.patch("/entities/ecuador-visa-requirement-chinese-nationals", headers=editor,
                        json={"lifecycle": [suspended]})
    assert changed.status_code == 200, changed.text
    gone = api.delete("/relationships/united-states--relies-on--ecuador", headers=editor,
                      params={"note": "reliance was inferred, not stated"})
    assert gone.status_code == 204
    current = api.get("/entities/ecuador-visa-requirement-chinese-nationals").json()
    assert current["status"] == "suspended" and [s["stage"] for s in current["lifecycle"]] == [
        "in_force", "suspended"]
    in_2024 = api.get("/entities/ecuador-visa-requirement-chinese-nationals", params={"as_of": "2024-07-01"})
    assert in_2024.json()["status"] == "in_force" and len(in_2024.json()["lifecycle"]) == 1
    then = api.get("/entities/ecuador-visa-requirement-chinese-nationals",
                   params={"as_recorded": published}).json()
    assert then["status"] == "in_force" and len(then["lifecycle"]) == 1
    now_rel = api.get("/entities/united-states/neighbors", params={"rel_type": "RELIES_ON"}).json()
    then_rel = api.get("/entities/united-states/neighbors",
                       params={"rel_type": "RELIES_ON", "as_recorded": published}).json()
    assert {n["id"] for n in now_rel["nodes"]} == {"panama", "mexico"}
    assert {n["id"] for n in then_rel["nodes"]} == {"panama", "mexico", "ecuador"}
    # In the present, paths check retraction only on the paths found and search again
    # avoiding what was retracted; a record time checks it at every step. Same answer.
    route = {"from": "united-states", "to": "ecuador", "k": 10}
    then_paths = api.get("/paths", params={**route, "as_recorded": published}).json()["paths"]
    assert "united-states--relies-on--ecuador" in {r["id"] for p in then_paths for r in p["relationships"]}
    now_paths = api.get("/paths", params=route).json()
    later = api.get("/paths", params={**route, "as_recorded": now()}).json()
    assert now_paths == later and now_paths["found"] is False  # that was Ecuador's only link
    def policies(**params: str) -> set[str]:
        return {p["id"] for p in api.get("/policies", params=params).json()}
    visa = "ecuador-visa-requirement-chinese-nationals"
    assert visa in policies(status="in_force", as_recorded=published)
    assert visa in policies(status="suspended") and visa not in policies(status="in_force")
    assert visa in policies(status="in_force", as_of="2025-02-28")
    timeline = api.get(f"/entities/{visa}/timeline").json()
    assert [e["stage"]["stage"] for e in timeline["dated"]] == ["suspended"]
    assert timeline["dated"][0]["date"] == "2025-03-01" and timeline["undated"][0]["kind"] == "stage"
    history = api.get("/entities/ecuador/history").json()["changes"]
    retraction = [c for c in history if c["action"] == "retract"]
    assert retraction and retraction[0]["note"] == "reliance was inferred, not stated"
    assert retraction[0]["before"]["purpose"].startswith("Reducing migrant crossings")
    assert retraction[0]["key_id"] == keys["editor"].split("_")[1]
    update = api.get("/entities/ecuador-visa-requirement-chinese-nationals/history").json()["changes"]
    assert len(update[-1]["before"]["lifecycle"]) == 1 and len(update[-1]["after"]["lifecycle"]) == 2
    bad = api.get("/entities/panama", params={"as_recorded": "last tuesday"})
    assert bad.status_code == 422 and "as_recorded" in bad.text


def test_retracting_an_entity_with_relationships_needs_cascade(api: TestClient, keys: dict[str, str]) -> None:
    editor = auth(keys["editor"])
    refused = api.delete("/entities/northern-mexico", headers=editor)
    assert refused.status_code == 409 and "cascade=true" in refused.json()["detail"]
    assert api.get("/entities/northern-mexico").status_code == 200
    before = now()
    assert api.delete("/entities/northern-mexico", headers=editor,
                      params={"cascade": "true"}).status_code == 204
    assert api.get("/entities/northern-mexico").status_code == 404
    hits = api.get("/entities", params={"q": "northern Mexico"}).json()["results"]
    assert "northern-mexico" not in {hit["id"] for hit in hits}
    assert api.get("/entities/northern-mexico", params={"as_recorded": before}).status_code == 200
    actions = [c["action"] for c in api.get("/entities/northern-mexico/history").json()["changes"]]
    assert actions.count("retract") == 3  # the place and its two relationships


def test_merge_moves_relationships_and_the_old_id_redirects(api: TestClient, keys: dict[str, str],
                                                            db: Graph) -> None:
    editor, admin = auth(keys["editor"]), auth(keys["admin"])
    assert api.post("/entities", headers=editor, json={
        "id": "dhs", "type": "Organization", "name": "DHS", "properties": {"kind": "government_agency"},
        "citations": [cite("The Department of Homeland Security", fields=["kind"])]}).status_code == 201
    assert api.post("/relationships", headers=editor, json={
        "type": "FUNDS", "from": "dhs", "to": "panamanian-authorities",
        "citations": [cite("assist their Panamanian counterparts")]}).status_code == 201
    before = now()
    merged = api.post("/entities/dhs/merge", headers=admin,
                      json={"into": "us-department-of-homeland-security"})
    assert merged.status_code == 200, merged.text
    moved = api.get("/entities/dhs", follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == "/entities/us-department-of-homeland-security"
    survivor = api.get("/entities/dhs").json()  # follows the redirect
    assert survivor["id"] == "us-department-of-homeland-security"
    assert [r["other"]["id"] for r in survivor["relationships"]["FUNDS"]] == ["panamanian-authorities"]
    assert "DHS" in survivor["aliases"]
    assert api.get("/id/dhs", follow_redirects=False, headers={"Accept": "text/turtle"}).status_code == 308
    old = api.get("/entities/dhs", params={"as_recorded": before}).json()
    assert old["id"] == "dhs" and "FUNDS" in old["relationships"]
    same = api.post("/entities/dhs/merge", headers=admin, json={"into": "panama"})
    assert same.status_code == 404


# --- hostile input and limits ------------------------------------------------------------

PROBES = ["') MATCH (n) DETACH DELETE n //", "\"}) DETACH DELETE n RETURN 1 //", "$(x)", "`x`:Label",
          "\\u0000", "<script>alert(1)</script>"]


@pytest.mark.parametrize("probe", PROBES)
def test_injection_probes_in_write_fields_are_stored_as_text_or_refused(
        api: TestClient, keys: dict[str, str], db: Graph, probe: str) -> None:
    count = db.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    ident = f"probe-{abs(hash(probe)) % 100000}"
    response = api.post("/entities", headers=auth(keys["editor"]), json={
        "id": ident, "type": "Person", "name": probe, "aliases": [probe], "description": probe,
        "names": {"es": probe},
        "citations": [cite("Mayorkas", attributed_to=None, fields=["description"])]})
    assert response.status_code == 201, response.text
    stored = api.get(f"/entities/{ident}").json()
    assert stored["name"] == probe and stored["aliases"] == [probe] and stored["names"] == {"es": probe}
    assert db.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == count + 2  # the entity and its Change
    for field in ("id", "type", "from", "to"):
        body = {"type": "ATTENDED", "from": ident, "to": "inauguration-of-jose-raul-mulino",
                "citations": [cite("attended the inauguration")], field: probe}
        assert api.post("/relationships", headers=auth(keys["editor"]), json=body).status_code == 422
    assert api.patch(f"/entities/{probe}", headers=auth(keys["editor"]), json={
        "name": "x", "citations": [cite("Mayorkas", fields=["name"])]}).status_code in (404, 422)


def test_body_limit_rate_limit_cors_headers_and_no_stack_traces(seeded_server: LocalNeo4j,
                                                                keys: dict[str, str]) -> None:
    settings = settings_for(seeded_server, max_body_bytes=2048, rate_limit="5/minute",
                            cors_origins=["https://newsroom.example"])
    app = create_app(settings)

    @app.get("/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        big = client.post("/import", headers=auth(keys["editor"]), content=b"x" * 5000)
        assert big.status_code == 413 and "2048" in big.json()["detail"]
        crash = client.get("/boom")
        assert crash.status_code == 500 and "secret internals" not in crash.text
        assert "Traceback" not in crash.text and crash.headers["x-request-id"]
        page = client.get("/", headers={"Origin": "https://newsroom.example"})
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-frame-options"] == "DENY"
        assert page.headers["access-control-allow-origin"] == "https://newsroom.example"
        statuses = [client.get("/entities/panama", headers={"X-Request-ID": "abc-123"})
                    for _ in range(6)]
        assert statuses[0].headers["x-request-id"] == "abc-123"
        assert [r.status_code for r in statuses][-1] == 429
        assert "rate limit" in statuses[-1].json()["detail"]
        # Another key has its own budget.
        assert client.get("/entities/panama", headers=auth(keys["reader"])).status_code == 200


def test_the_readme_example_batch_imports(api: TestClient, keys: dict[str, str]) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "sample-batch.csv"
    headers = {**auth(keys["editor"]), "Content-Type": "text/csv"}
    first = api.post("/import", headers=headers, content=example.read_bytes())
    assert first.status_code == 200, first.text
    second = api.post("/import", headers=headers, content=example.read_bytes())
    assert second.json()["created"] == 0 and second.json()["updated"] == 0


@pytest.mark.parametrize("body", ["\r\u00a2JG\u00dd]\U0003d82c\t\u00c9", 'record,id\n"entity,x'])
def test_malformed_csv_is_a_400_not_a_500(api: TestClient, keys: dict[str, str], body: str) -> None:
    """The first body is what the fuzzer sent: a stray carriage return in a header."""
    headers = {**auth(keys["editor"]), "Content-Type": "text/csv"}
    response = api.post("/import", headers=headers, content=body.encode())
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["detail"]


def test_a_source_cannot_take_an_entity_id(api: TestClient, keys: dict[str, str]) -> None:
    response = api.post("/sources", headers=auth(keys["editor"]),
                        json={"id": "panama", "kind": "document", "text": "Some text."})
    assert response.status_code == 409 and "one URI space" in response.json()["detail"]


def test_reads_and_writes_of_the_api_share_one_bookmark_manager(api: TestClient, db: Graph,
                                                                keys: dict[str, str]) -> None:
    """On a cluster a read then waits for the writes this process committed before it."""
    state = api.app.state  # type: ignore[attr-defined]
    assert state.graph.bookmarks is state.async_graph.bookmarks
    before = set(state.graph.bookmarks.get_bookmarks())
    response = api.post("/sources", headers=auth(keys["editor"]), json={
        "id": "bookmark-probe-source", "kind": "document", "text": "A probe for bookmarks."})
    assert response.status_code == 201, response.text
    after = set(state.graph.bookmarks.get_bookmarks())
    assert after and after != before
    assert api.get("/sources/bookmark-probe-source").status_code == 200
    db.write("MATCH (s:Source {id: 'bookmark-probe-source'}) DETACH DELETE s")


def test_record_time_is_the_servers_and_a_client_value_is_refused(api: TestClient,
                                                                   keys: dict[str, str], db: Graph) -> None:
    """A client cannot back-date a fact into a view already published; the offset of the
    fuzzer's value (beyond Neo4j's 18 hours) is refused with the field, not a 500."""
    before = snapshot(db)
    for at in ("2000-01-01T00:00:00Z", "1704-02-28T09:18:30+19:35"):
        body = {"id": "back-dated-source", "kind": "press_release",
                "text": "A text written for this test.", "recorded_at": at}
        answer = api.post("/sources", json=body, headers=auth(keys["editor"]))
        assert answer.status_code == 422 and "field recorded_at" in answer.json()["detail"]
    assert snapshot(db) == before


def test_a_restored_record_time_is_kept_in_utc() -> None:
    record = SourceRecord.model_validate({"id": "restored", "kind": "report", "text": "t",
                                          "recorded_at": "1704-02-28T09:18:30+19:35"})
    assert record.recorded_at is not None
    assert record.recorded_at.isoformat() == "1704-02-27T13:43:30+00:00"
