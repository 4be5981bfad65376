"""Fact URIs resolve: /fact/{id} negotiates like an entity URI, /relationships/{id}
answers in JSON, and every /id/ and /fact/ subject of a full export dereferences."""

import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset, URIRef

from app.rdf.export import export_chunks
from app.rdf.formats import FORMATS
from app.rdf.vocab import base_for
from app.store.db import Graph

BASE = base_for("http://127.0.0.1:8000")
FACT = "united-states--party-to--us-panama-deportation-agreement-2024"


def test_a_relationship_reads_with_its_ends_and_citations(client: TestClient) -> None:
    answer = client.get(f"/relationships/{FACT}")
    assert answer.status_code == 200, answer.text
    fact = answer.json()
    assert (fact["type"], fact["from"]["id"], fact["to"]["id"]) == (
        "PARTY_TO", "united-states", "us-panama-deportation-agreement-2024")
    assert fact["citations"] and all(c["quote"] for c in fact["citations"])
    assert client.get("/relationships/no-such--party-to--fact").status_code == 404
    before = client.get(f"/relationships/{FACT}", params={"as_recorded": "2001-01-01T00:00:00Z"})
    assert before.status_code == 404


@pytest.mark.parametrize("accept, media", [
    ("text/turtle", "text/turtle"), ("application/ld+json", "application/ld+json"),
    ("application/json", "application/json"), ("text/html", "text/html")])
def test_a_fact_uri_negotiates(client: TestClient, accept: str, media: str) -> None:
    answer = client.get(f"/fact/{FACT}", headers={"Accept": accept})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(media)
    assert answer.headers["vary"].startswith("Accept")
    if media == "text/turtle":
        store = Dataset()
        store.parse(data=answer.text, format="turtle")
        assert (None, None, URIRef(BASE.entity("us-panama-deportation-agreement-2024"))) in store
    if media == "text/html":
        assert "United States" in answer.text and "null" not in answer.text


def test_every_entity_and_fact_uri_in_the_export_resolves(client: TestClient, graph: Graph) -> None:
    store = Dataset()
    store.parse(data=b"".join(export_chunks(graph, FORMATS["nquads"], BASE)), format="nquads")
    subjects = {str(s) for s, _, _, _ in store.quads((None, None, None, None)) if isinstance(s, URIRef)}
    ours = (f"{BASE.base}/id/", f"{BASE.base}/fact/")
    uris = sorted(u.split("#")[0] for u in subjects if u.startswith(ours))
    assert any("/fact/" in u for u in uris) and any("/id/" in u for u in uris)
    unresolved = [u for u in set(uris) if client.get(u.removeprefix(BASE.base),
                                                     headers={"Accept": "text/turtle"}).status_code != 200]
    assert unresolved == []
    names = {str(g.identifier) for g in store.graphs() if str(g.identifier).startswith(f"{BASE.base}/graph/")}
    assert names and [n for n in names if client.get(n.removeprefix(BASE.base)).status_code != 200] == []


def test_a_named_graph_uri_answers_with_that_graph_as_the_export_holds_it(client: TestClient,
                                                                         graph: Graph) -> None:
    source = "seed-000-eb3fd6c821e75620"
    exported = Dataset()
    exported.parse(data=b"".join(export_chunks(graph, FORMATS["nquads"], BASE)), format="nquads")
    name = URIRef(f"{BASE.base}/graph/{source}")
    answer = client.get(f"/graph/{source}")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/trig")
    served = Dataset()
    served.parse(data=answer.content, format="trig")
    assert len(served.graph(name)) > 100
    assert set(served.graph(name)) == set(exported.graph(name))
    page = client.get(f"/graph/{source}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Facts citing it" in page.text
    as_nt = client.get(f"/graph/{source}?format=nt")
    assert as_nt.headers["content-type"].startswith("application/n-triples")
    assert client.get("/graph/no-such-source").status_code == 404
