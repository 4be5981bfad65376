"""An agreement's or policy's status comes from its cited, dated lifecycle (issue 24,
item 9), and agreements and policies answer in the entity shape (item 7)."""

from fastapi.testclient import TestClient
from rdflib import Literal, URIRef

from app.model.actors import Role
from app.rdf.formats import FORMATS
from app.rdf.vocab import SCHEMA, base_for
from app.store.db import Graph
from app.writes.keys import create_key
from tests.test_rdf import parse, triples

AGREEMENT = "us-panama-deportation-agreement-2024"
ARTICLE = "graph/seeds/000_darien_gap_agreement/article.txt"
BASE = base_for("http://127.0.0.1:8000")


def test_the_seed_agreement_was_signed_undated_and_cited(client: TestClient) -> None:
    entity = client.get(f"/entities/{AGREEMENT}").json()
    assert entity["status"] == "signed" and "status" not in entity["properties"]
    [signed] = entity["lifecycle"]
    assert signed["stage"] == "signed" and signed["date"] is None
    with open(ARTICLE, encoding="utf-8") as article:
        assert signed["citation"]["quote"] in article.read()
    timeline = client.get(f"/entities/{AGREEMENT}/timeline").json()
    assert [e["stage"]["stage"] for e in timeline["undated"] if e["kind"] == "stage"] == ["signed"]
    assert timeline["total_undated"] == len(timeline["undated"])


def test_agreements_and_policies_answer_in_the_entity_shape(client: TestClient) -> None:
    entity = client.get(f"/entities/{AGREEMENT}").json()
    [agreement] = [a for a in client.get("/agreements").json() if a["id"] == AGREEMENT]
    shared = ("id", "type", "name", "aliases", "description", "properties", "citations", "status",
              "lifecycle")
    assert {k: agreement[k] for k in shared} == {k: entity[k] for k in shared}
    assert agreement["description"] and agreement["properties"]["summary"]
    assert "us-department-of-homeland-security" in {r["other"]["id"] for r in agreement["implementers"]}
    signed = client.get("/agreements", params={"status": "signed"}).json()
    assert [a["id"] for a in signed] == [AGREEMENT]
    assert client.get("/agreements", params={"status": "ended"}).json() == []
    policies = {p["id"]: p for p in client.get("/policies").json()}
    assert policies["biden-asylum-restriction-2024"]["status"] == "in_force"
    assert policies["mexico-migrant-enforcement-operations"]["status"] is None  # no stage stated
    assert client.get("/policies", params={"status": "signed"}).status_code == 422  # not a policy state


def test_stages_are_dated_schema_events_in_rdf(client: TestClient) -> None:
    answer = client.get(f"/id/{AGREEMENT}", headers={"Accept": "text/turtle"})
    g = parse(answer.content, FORMATS["turtle"])
    stage = URIRef(f"{BASE.entity(AGREEMENT)}#stage-0")
    found = triples(g)
    assert (URIRef(BASE.entity(AGREEMENT)), BASE.vocab.lifecycleStage, stage) in found
    assert (stage, BASE.vocab.stage, Literal("signed")) in found
    assert any(p == SCHEMA.name for _, p, _ in g.triples((stage, None, None)))
    vocab = client.get("/vocab", headers={"Accept": "text/turtle"}).text
    assert "lifecycleStage" in vocab and "LifecycleStage" in vocab


def test_a_stage_the_type_cannot_have_is_a_422_naming_it(api: TestClient, db: Graph) -> None:
    key = {"Authorization": f"Bearer {create_key(db, 'stage editor', Role.editor)[0]}"}
    cite = {"source": "seed-000-eb3fd6c821e75620", "quote": "Ecuador has imposed visa requirements",
            "confidence": 1.0, "mode": "asserted"}
    policy = "ecuador-visa-requirement-chinese-nationals"

    def add(entity: str, stage: str, **citation: str) -> tuple[int, str]:
        answer = api.patch(f"/entities/{entity}", headers=key,
                           json={"lifecycle": [{"stage": stage, "citation": {**cite, **citation}}]})
        return answer.status_code, answer.text

    status, text = add(policy, "signed")
    assert status == 422 and "lifecycle.1.stage" in text and "signed" in text
    status, text = add("jose-raul-mulino", "ended")
    assert status == 422 and "has no lifecycle" in text
    status, text = add(policy, "ended", quote="Ecuador lifted the rule")
    assert status == 422 and "lifecycle.1.citation.quote" in text
    status, text = add(policy, "paused")
    assert status == 422 and "lifecycle" in text
    assert api.get(f"/entities/{policy}").json()["lifecycle"][-1]["stage"] == "in_force"  # nothing written
