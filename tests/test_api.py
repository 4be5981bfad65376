import time

from fastapi.testclient import TestClient

from app.api.ratelimit import RateLimit
from app.schema.loader import get_schema


def test_health_reports_neo4j_and_schema_version(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["neo4j"]["status"] == "up"
    assert body["neo4j"]["version"].startswith("5.26")
    assert body["schema"]["applied"]["version"] == get_schema().version
    assert body["schema"]["applied"]["checksum"] == body["schema"]["expected"]["checksum"]


def test_entity_has_relationships_grouped_by_type_with_citations(client: TestClient) -> None:
    body = client.get("/entities/alejandro-mayorkas").json()
    assert body["name"] == "Alejandro Mayorkas"
    assert set(body["relationships"]) == {"ATTENDED", "HOLDS_POST", "STATED"}
    post = body["relationships"]["HOLDS_POST"][0]
    assert post["other"] == {"id": "us-secretary-of-homeland-security",
                             "name": "Secretary of Homeland Security", "type": "Post"}
    assert post["citations"][0]["quote"] == "Homeland Security Secretary Alejandro Mayorkas"
    for rels in body["relationships"].values():
        for rel in rels:
            assert rel["citations"], rel["id"]


def test_country_shows_identifiers_and_names(client: TestClient) -> None:
    body = client.get("/entities/panama").json()
    assert body["identifiers"] == {"wikidata_qid": "Q804", "iso_alpha2": "PA", "iso_alpha3": "PAN"}
    assert body["names"] == {"es": "Panamá"}
    assert "PARTY_TO" in body["relationships"]


def test_unknown_entity_is_a_404_naming_the_id(client: TestClient) -> None:
    response = client.get("/entities/no-such-thing")
    assert response.status_code == 404
    assert "no-such-thing" in response.json()["detail"]


def test_openapi_is_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert "/health" in paths and "/entities/{entity_id}" in paths


def test_rate_limit_allows_a_burst_then_one_request_per_interval() -> None:
    limit = RateLimit("2/second")  # a burst of two, then one every half second
    assert [limit.allow("a"), limit.allow("a"), limit.allow("a")] == [True, True, False]
    assert limit.allow("b"), "each key has its own budget"
    time.sleep(0.55)
    assert limit.allow("a") and not limit.allow("a")


def test_rate_limit_forgets_idle_keys_and_does_not_rebuild_for_busy_ones() -> None:
    limit = RateLimit("1000/hour")
    limit.PRUNE_AT = limit.prune_at = 4
    for key in "abcde":  # all still spending: nothing to drop, so the next prune waits
        limit.allow(key)
    assert len(limit.full_at) == 5 and limit.prune_at == 10
    limit.full_at = {k: 0.0 for k in limit.full_at}  # their budgets are whole again
    for key in "fghijk":
        limit.allow(key)
    assert set(limit.full_at) == set("fghijk") and limit.prune_at == 12
