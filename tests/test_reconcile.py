"""The Reconciliation Service API 0.2 at /reconcile, checked against the MUSTs of the W3C
community group's final report and validated with jsonschema (tests/reconciliation/)."""

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator, FormatChecker

from tests.reconciliation import schemas

AGREEMENT = "us-panama-deportation-agreement-2024"


def valid(schema: dict[str, Any], answer: Any) -> Any:
    Draft202012Validator(schema, format_checker=FormatChecker()).validate(answer)
    return answer


def ask(client: TestClient, queries: dict[str, Any], method: str = "POST", **params: str) -> Any:
    text = json.dumps(queries)
    if method == "POST":
        answer = client.post("/reconcile", data={"queries": text}, params=params)
    else:
        answer = client.get("/reconcile", params={"queries": text, **params})
    assert answer.status_code == 200, answer.text
    return valid(schemas.QUERY_RESPONSE, answer.json())


def test_the_manifest_names_the_version_spaces_and_every_service(client: TestClient) -> None:
    manifest = valid(schemas.MANIFEST, client.get("/reconcile").json())
    assert "0.2" in manifest["versions"] and manifest["batchSize"] >= 10
    assert manifest["identifierSpace"].endswith("/id/")
    assert {t["id"] for t in manifest["defaultTypes"]} >= {"Person", "Country", "Agreement"}
    for service in [*manifest["suggest"].values(), manifest["extend"]["propose_properties"]]:
        path = service["service_path"]
        probe = {"prefix": "pa"} if "suggest" in path else {"type": "Country"}
        assert client.get(path, params=probe).status_code == 200, path
    view = manifest["view"]["url"].replace("{{id}}", "panama")
    assert client.get(view.removeprefix(client.base_url.__str__())).status_code in (200, 404)
    preview = manifest["preview"]["url"].replace("{{id}}", "panama").split("/reconcile", 1)[1]
    assert client.get("/reconcile" + preview).status_code == 200


def test_each_query_key_gets_an_answer_ranked_by_score(client: TestClient) -> None:
    queries = {"q0": {"query": "Secretary Mayorkas"}, "q1": {"query": "Jose Raul Mulino"},
               "q2": {"query": "DHS"}, "q3": {"query": "Nobody Anywhere Qwxz"}}
    answer = ask(client, queries)
    assert set(answer) == set(queries)  # the same keys, every one answered
    top = {key: (result["result"][0] if result["result"] else None) for key, result in answer.items()}
    assert top["q0"]["id"] == "alejandro-mayorkas" and top["q0"]["match"] is True
    assert top["q1"]["id"] == "jose-raul-mulino" and top["q1"]["match"] is True
    assert top["q2"]["id"] == "us-department-of-homeland-security"
    assert top["q3"] is None or top["q3"]["match"] is False
    for result in answer.values():
        scores = [c["score"] for c in result["result"]]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= s <= 100 for s in scores)
    assert {f["id"] for f in top["q0"]["features"]} >= {"name_exact"}


def test_get_and_post_give_the_same_answer(client: TestClient) -> None:
    queries = {"a": {"query": "Darien Gap", "limit": 2}}
    assert ask(client, queries, "GET") == ask(client, queries, "POST")


def test_type_limit_and_properties_are_honoured(client: TestClient) -> None:
    answer = ask(client, {
        "t": {"query": "Panama", "type": "Country", "limit": 1},
        "u": {"query": "Panama", "limit": 2},
        "p": {"query": "United States", "properties": [{"pid": "wikidata_qid", "v": "Q30"}]},
        "wrong": {"query": "United States", "properties": [{"pid": "wikidata_qid", "v": "Q1"}]}})
    assert [c["type"][0]["id"] for c in answer["t"]["result"]] == ["Country"]
    assert len(answer["u"]["result"]) <= 2
    right, wrong = answer["p"]["result"][0], answer["wrong"]["result"][0]
    assert right["id"] == "united-states" and right["match"] is True
    assert {"id": "property:wikidata_qid", "value": 10.0} in right["features"]
    assert wrong["id"] != "united-states" or wrong["score"] < right["score"]


def test_as_recorded_before_the_load_finds_nothing(client: TestClient) -> None:
    answer = ask(client, {"q": {"query": "Mulino"}}, as_recorded="2001-01-01T00:00:00Z")
    assert answer == {"q": {"result": []}}


@pytest.mark.parametrize("form, status, names", [
    ({"queries": "{not json"}, 400, "queries"),
    ({"queries": '["q0"]'}, 400, "queries"),
    ({"queries": '{"q0": {"query": ""}}'}, 400, "queries.q0.query"),
    ({"queries": '{"q0": {"query": "x", "type": "Spaceship"}}'}, 400, "queries.q0.type"),
    ({"queries": '{"q0": {"query": "x", "limit": 100000}}'}, 400, "queries.q0.limit"),
    ({"queries": '{"q0": {"query": "x", "properties": [{"pid": "nope", "v": "1"}]}}'}, 422,
     "q0.properties[0].pid"),
    ({"queries": json.dumps({f"q{i}": {"query": "Panama"} for i in range(51)})}, 413, "batchSize"),
    ({}, 400, "queries"),
    ({"extend": '{"ids": ["panama"], "properties": [{"id": "nope"}]}'}, 422, "nope"),
])
def test_a_malformed_batch_is_a_clear_4xx(client: TestClient, form: dict[str, str], status: int,
                                          names: str) -> None:
    answer = client.post("/reconcile", data=form)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert names in answer.json()["detail"]


def test_suggest_entities_types_and_properties(client: TestClient) -> None:
    entities = valid(schemas.SUGGEST, client.get("/reconcile/suggest/entity",
                                                 params={"prefix": "mulin"}).json())
    assert "jose-raul-mulino" in [e["id"] for e in entities["result"]]
    assert entities["result"][0]["notable"][0]["id"]
    later = client.get("/reconcile/suggest/entity", params={"prefix": "mulin", "cursor": 1}).json()
    assert later["result"] == entities["result"][1:][:len(later["result"])]
    types = valid(schemas.SUGGEST, client.get("/reconcile/suggest/type", params={"prefix": "agr"}).json())
    assert [t["id"] for t in types["result"]] == ["Agreement"]
    props = valid(schemas.SUGGEST, client.get("/reconcile/suggest/property",
                                              params={"prefix": "party", "type": "Agreement"}).json())
    assert "in:PARTY_TO" in [p["id"] for p in props["result"]]


def test_proposed_properties_include_fields_and_relationships(client: TestClient) -> None:
    proposed = valid(schemas.PROPOSE, client.get("/reconcile/extend/propose",
                                                 params={"type": "Agreement"}).json())
    ids = [p["id"] for p in proposed["properties"]]
    assert proposed["type"] == "Agreement"
    assert {"description", "wikidata_qid", "status", "in:PARTY_TO"} <= set(ids)
    limited = client.get("/reconcile/extend/propose", params={"type": "Agreement", "limit": 2}).json()
    assert len(limited["properties"]) == 2 and limited["limit"] == 2


def test_extend_pulls_parties_and_fields_back_into_the_sheet(client: TestClient) -> None:
    request = {"ids": [AGREEMENT, "panama", "no-such-entity"],
               "properties": [{"id": "in:PARTY_TO"}, {"id": "description"}, {"id": "wikidata_qid"}]}
    answer = client.post("/reconcile", data={"extend": json.dumps(request)})
    assert answer.status_code == 200, answer.text
    data = valid(schemas.EXTEND, answer.json())
    assert [m["id"] for m in data["meta"]] == [p["id"] for p in request["properties"]]
    assert set(data["rows"]) == set(request["ids"])
    parties = {v["id"] for v in data["rows"][AGREEMENT]["in:PARTY_TO"]}
    assert {"united-states", "panama"} <= parties
    assert data["rows"]["panama"]["wikidata_qid"] == [{"str": "Q804"}]
    assert data["rows"]["no-such-entity"]["description"] == []
    get = client.get("/reconcile", params={"extend": json.dumps(request)}).json()
    assert get == data
    one = {"ids": [AGREEMENT], "properties": [{"id": "in:PARTY_TO", "settings": {"limit": 1}}]}
    limited = client.post("/reconcile", data={"extend": json.dumps(one)}).json()
    assert len(limited["rows"][AGREEMENT]["in:PARTY_TO"]) == 1


def test_preview_is_a_small_escaped_card(client: TestClient) -> None:
    answer = client.get("/reconcile/preview", params={"id": "jose-raul-mulino"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert "José Raúl Mulino" in answer.text and "<script" not in answer.text
    assert client.get("/reconcile/preview", params={"id": "no-such-entity"}).status_code == 404


def test_cors_on_every_reconciliation_endpoint(client: TestClient) -> None:
    origin = {"Origin": "http://127.0.0.1:3333"}
    for path in ["/reconcile", "/reconcile/suggest/type?prefix=p", "/reconcile/extend/propose?type=Person",
                 "/reconcile/preview?id=panama"]:
        assert client.get(path, headers=origin).headers.get("access-control-allow-origin"), path
    preflight = client.options("/reconcile", headers={
        **origin, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 200 and "POST" in preflight.headers["access-control-allow-methods"]


def test_a_blank_prefix_suggests_nothing(client: TestClient) -> None:
    """Found by the contract fuzz: a prefix of white space alone was a 500."""
    for prefix in ("\v", " ", "\t\n"):
        answer = client.get("/reconcile/suggest/entity", params={"prefix": prefix, "type": "Policy"})
        assert answer.status_code == 200 and answer.json() == {"result": []}
