"""GET /facts against the real Neo4j: what a source supports, what is attributed to whom,
what is uncertain, what happened in a period, and which quote says what."""

import time
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.model.actors import Role
from app.store.db import Graph
from app.writes.keys import create_key

SOURCE = "seed-000-eb3fd6c821e75620"


def facts(api: TestClient, **params: Any) -> list[dict[str, Any]]:
    answer = api.get("/facts", params={"limit": 500, **params})
    assert answer.status_code == 200, answer.text
    return list(answer.json()["results"])


def test_what_a_source_supports(client: TestClient) -> None:
    found = facts(client, source=SOURCE)
    kinds = {f["type"] for f in found}
    assert len(found) > 40 and "ATTRIBUTE" in kinds and "PARTY_TO" in kinds
    assert all(c["source"] == SOURCE for f in found for c in f["citations"])
    assert facts(client, source="no-such-source") == []


def test_what_is_attributed_to_mulino(client: TestClient) -> None:
    found = facts(client, mode="attributed", attributed_to="jose-raul-mulino")
    quotes = {c["quote"] for f in found for c in f["citations"]}
    assert "vowing to “close” the Darién Gap" in quotes
    assert all(c["mode"] == "attributed" and c["attributed_to"] == "jose-raul-mulino"
               for f in found for c in f["citations"])
    asserted = facts(client, mode="asserted", entity="jose-raul-mulino")
    assert asserted and all(c["mode"] == "asserted" for f in asserted for c in f["citations"])


def test_facts_below_full_confidence(client: TestClient) -> None:
    found = facts(client, max_confidence=0.99)
    assert found and all(c["confidence"] <= 0.99 for f in found for c in f["citations"])
    assert len(found) < len(facts(client))


def test_quote_search_finds_the_fact_and_its_words_ranked(client: TestClient) -> None:
    found = facts(client, q="deportation infrastructure")
    best = [f for f in found if f["score"] == found[0]["score"]]  # facts citing the same words tie
    assert ("FUNDS", "us-department-of-state", "us-panama-deportation-agreement-2024") in {
        (f["type"], f["subject"]["id"], f["object"]["id"]) for f in best}
    assert all("deportation infrastructure" in f["citations"][0]["quote"] for f in best)
    assert [f["score"] for f in found] == sorted((f["score"] for f in found), reverse=True)
    vows = facts(client, q="vows to close")  # stemmed: "vowing ... close"
    assert any("vowing to “close”" in c["quote"] for f in vows for c in f["citations"])
    assert facts(client, q="zebra unicorn") == []


def test_facts_filter_by_entity_and_type(client: TestClient) -> None:
    found = facts(client, entity="panama", rel_type="PARTY_TO")
    assert [(f["subject"]["id"], f["object"]["id"]) for f in found] == [
        ("panama", "us-panama-deportation-agreement-2024")]


@pytest.mark.parametrize("params, field", [
    ({"from": "2024-07-01", "to": "2024-06-01"}, "to is before from"),
    ({"min_confidence": 0.9, "max_confidence": 0.5}, "min_confidence"),
    ({"q": "((("}, "q"), ({"rel_type": "LIKES"}, "rel_type"), ({"limit": 0}, "limit"),
])
def test_bad_filters_are_a_422_naming_them(client: TestClient, params: dict[str, Any], field: str) -> None:
    answer = client.get("/facts", params=params)
    assert answer.status_code == 422 and field in answer.text, answer.text


def test_what_happened_in_june_2024_on_both_time_axes(api: TestClient, db: Graph) -> None:
    key = create_key(db, "facts editor", Role.editor)[0]
    before = datetime.now(UTC).isoformat()
    time.sleep(0.05)
    dated = {"type": "RELIES_ON", "from": "panama", "to": "mexico", "valid_from": "2024-06-04",
             "valid_to": "2024-06-30", "properties": {"purpose": "Enforcement operations."},
             "citations": [{"source": SOURCE, "quote": "Mexican officials have recently conducted "
                            "aggressive operations", "confidence": 0.8, "mode": "asserted"}]}
    made = api.post("/relationships", json=dated, headers={"Authorization": f"Bearer {key}"})
    assert made.status_code == 201, made.text
    june = facts(api, **{"from": "2024-06-01", "to": "2024-06-30"})
    assert [(f["id"], f["valid_from"]) for f in june] == [("panama--relies-on--mexico", "2024-06-04")]
    assert facts(api, **{"from": "2024-08-01", "to": "2024-08-31"}) == []
    with_undated = facts(api, **{"from": "2024-06-01", "to": "2024-06-30", "include_undated": "true"})
    assert len(with_undated) > len(june)
    assert facts(api, **{"from": "2024-06-01", "to": "2024-06-30", "as_recorded": before}) == []


@pytest.mark.parametrize("q", ["the", "AND OR NOT", "to be or not", "Darién", "x" * 200, "a:b (c) \\\\"])
def test_any_words_are_a_query_not_syntax(client: TestClient, q: str) -> None:
    answer = client.get("/facts", params={"q": q})
    assert answer.status_code == 200, answer.text
    assert client.get("/facts", params={"q": "Darién"}).json()["results"]  # as the quotes write it


def test_sources_are_listed_with_their_fact_counts(client: TestClient) -> None:
    listed = client.get("/sources").json()
    seed = next(s for s in listed if s["id"] == SOURCE)
    assert seed["kind"] == "news_article" and seed["relationships"] > 20 and seed["entities"] > 20
    # No title is known: the lede is what a reader sees of it (the landing page lists it so).
    assert seed["title"] is None and seed["lede"].startswith("The United States and Panama have signed")
    assert len(seed["lede"]) <= 202
    assert seed["relationships"] == len([f for f in facts(client, source=SOURCE) if f["type"] != "ATTRIBUTE"])
    assert client.get("/sources", params={"publisher": "Nobody Weekly"}).json() == []
    assert client.get("/sources", params={"limit": 501}).status_code == 422


def test_sources_are_found_by_the_words_of_their_text(client: TestClient) -> None:
    """Source text is indexed: words that are in no quote find the story that says them."""
    assert not facts(client, q="humanitarian considerations")  # words no citation quotes, say
    found = client.get("/sources", params={"q": "humanitarian considerations"}).json()
    with open("graph/seeds/000_darien_gap_agreement/article.txt", encoding="utf-8") as article:
        assert "humanitarian considerations" in article.read()
    assert [s["id"] for s in found] == [SOURCE] and found[0]["score"] > 0
    assert client.get("/sources", params={"q": "zeppelin"}).json() == []
    assert client.get("/sources").json()[0]["score"] is None
    assert client.get("/sources", params={"q": "(("}).status_code == 422
