"""Exports people hand on (issue 28, part 1): a CSV zip, GEXF 1.3, GraphML and
FollowTheMoney, for the whole graph and a subgraph, read back with the standard library,
networkx and followthemoney."""

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from followthemoney import model

from app.settings import Settings
from app.store.db import Graph

AGREEMENT = "us-panama-deportation-agreement-2024"
SEED = "seed-000-eb3fd6c821e75620"
FACT = "united-states--party-to--us-panama-deportation-agreement-2024"


def counts(graph: Graph) -> tuple[int, int]:
    row = graph.read("MATCH (n:Entity) WHERE n.retracted_at IS NULL WITH count(n) AS nodes "
                     "MATCH (:Entity)-[r]->(:Entity) WHERE r.retracted_at IS NULL "
                     "RETURN nodes, count(r) AS edges")
    return row[0]["nodes"], row[0]["edges"]


def tables(data: bytes) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["nodes.csv", "edges.csv"]
        nodes = list(csv.DictReader(io.TextIOWrapper(archive.open("nodes.csv"), encoding="utf-8")))
        edges = list(csv.DictReader(io.TextIOWrapper(archive.open("edges.csv"), encoding="utf-8")))
    return nodes, edges


def test_the_csv_zip_holds_every_node_and_edge_as_gephi_reads_them(client: TestClient, graph: Graph) -> None:
    answer = client.get("/export", params={"format": "csv"})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/zip"
    assert 'filename="migration-graph.zip"' in answer.headers["content-disposition"]
    nodes, edges = tables(answer.content)
    assert list(nodes[0]) == ["Id", "Label", "Type", "aliases", "identifiers", "description"]
    assert list(edges[0])[:5] == ["Id", "Source", "Target", "Type", "Label"]
    g = nx.MultiDiGraph()
    g.add_nodes_from((n["Id"], n) for n in nodes)
    g.add_edges_from((e["Source"], e["Target"], e) for e in edges)
    assert (g.number_of_nodes(), g.number_of_edges()) == counts(graph)
    party = next(e for e in edges if e["Id"] == FACT)
    assert party["quote"] and party["source"] == SEED and float(party["confidence"]) > 0
    panama = next(n for n in nodes if n["Id"] == "panama")
    assert panama["Label"] == "Panama" and "wikidata_qid=Q804" in panama["identifiers"]


def test_gexf_and_graphml_parse_back_with_networkx(client: TestClient, graph: Graph) -> None:
    gexf = nx.read_gexf(io.BytesIO(client.get("/export", params={"format": "gexf"}).content), version="1.3")
    assert (gexf.number_of_nodes(), gexf.number_of_edges()) == counts(graph)
    assert gexf.nodes["panama"]["Type"] == "Country" and gexf.nodes["panama"]["label"] == "Panama"
    graphml = nx.read_graphml(io.BytesIO(client.get("/export", params={"format": "graphml"}).content))
    assert (graphml.number_of_nodes(), graphml.number_of_edges()) == counts(graph)
    party = next(d for _, _, d in graphml.edges(data=True) if d.get("Type") == "PARTY_TO")
    assert party["Label"] == "party to" and party["quote"] and party["confidence"] > 0


@pytest.fixture
def dated_fact(graph: Graph) -> Iterator[None]:
    graph.write(
        "MATCH (a:Entity {id: 'ecuador'}), (b:Entity {id: 'china'}) "
        "CREATE (a)-[:RELIES_ON {id: 'export-dated', recorded_at: datetime(), purpose: 'Visas.', "
        "valid_from: date('2024-06-01'), valid_to: date('2024-06-30'), cite_sources: [$seed], "
        "cite_quotes: ['Ecuador'], cite_confidences: [0.8], cite_modes: ['asserted'], "
        "cite_attributed_to: [''], cite_fields: ['']}]->(b)", seed=SEED)
    yield None
    graph.write("MATCH ()-[r {id: 'export-dated'}]->() DELETE r")


@pytest.mark.usefixtures("dated_fact")
def test_dated_edges_carry_start_and_end_and_the_time_axes_apply(client: TestClient) -> None:
    data = client.get("/export", params={"format": "gexf"}).content
    assert b'start="2024-06-01" end="2024-06-30"' in data
    g = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert any(d.get("start") == "2024-06-01" for _, _, d in g.edges(data=True))
    august = client.get("/export", params={"format": "csv", "as_of": "2024-08-01"}).content
    assert "export-dated" not in {e["Id"] for e in tables(august)[1]}
    before = client.get("/export", params={"format": "graphml", "as_recorded": "2001-01-01T00:00:00Z"})
    assert nx.read_graphml(io.BytesIO(before.content)).number_of_nodes() == 0


def test_a_subgraph_exports_in_every_file_format(client: TestClient) -> None:
    ids = ["united-states", "panama", AGREEMENT]
    view = client.get("/subgraph", params={"ids": ids}).json()
    nodes, edges = tables(client.get("/subgraph", params={"ids": ids, "format": "csv"}).content)
    assert {n["Id"] for n in nodes} == set(ids) and len(edges) == len(view["edges"])
    assert next(n for n in nodes if n["Id"] == AGREEMENT)["description"]
    gexf = client.get("/subgraph", params={"ids": ids, "format": "gexf"})
    assert gexf.headers["content-type"].startswith("application/gexf+xml")
    assert nx.read_gexf(io.BytesIO(gexf.content), version="1.3").number_of_edges() == len(view["edges"])
    graphml = client.get("/subgraph", params={"ids": ids, "format": "graphml"}).content
    assert set(nx.read_graphml(io.BytesIO(graphml)).nodes) == set(ids)
    assert client.get("/subgraph", params={"ids": ids, "format": "xlsx"}).status_code == 422


def test_the_cli_writes_the_same_files(tmp_path: Path, settings: Settings, graph: Graph) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"} | {"NEO4J_URI": settings.neo4j_uri}
    for fmt, read in (("gexf", lambda p: nx.read_gexf(p, version="1.3")), ("graphml", nx.read_graphml)):
        out = tmp_path / f"graph.{fmt}"
        done = subprocess.run([sys.executable, "-m", "app.cli", "export", str(out), "--format", fmt],
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert read(out).number_of_nodes() == counts(graph)[0]


def ftm_entities(data: bytes) -> list[dict[str, Any]]:
    """Each line read back and validated by followthemoney itself (an invalid property,
    value or missing required one raises)."""
    out = []
    for line in data.decode("utf-8").splitlines():
        raw = json.loads(line)
        proxy = model.get_proxy(raw, cleaned=False)
        proxy.schema.validate(raw)
        out.append(raw)
    return out


def test_followthemoney_lines_are_valid_ftm_with_our_ids_and_sources(client: TestClient) -> None:
    answer = client.get("/export", params={"format": "ftm"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/x-ndjson")
    entities = {e["id"]: e for e in ftm_entities(answer.content)}
    assert entities[SEED]["schema"] == "Article"
    assert entities["jose-raul-mulino"]["schema"] == "Person"
    panama = entities["panama"]
    assert panama["schema"] == "Territory" and panama["properties"]["country"] == ["pa"]
    assert entities["panama"]["properties"]["wikidataId"] == ["Q804"]
    assert entities["us-department-of-homeland-security"]["schema"] == "PublicBody"
    assert entities[AGREEMENT]["schema"] == "Contract"
    assert entities[FACT]["schema"] == "UnknownLink" and entities[FACT]["properties"]["role"] == ["party to"]
    holds = next(e for e in entities.values() if e["schema"] == "Occupancy")
    assert holds["properties"]["holder"] and holds["properties"]["post"]
    documented = entities[f"jose-raul-mulino--documented-by--{SEED}"]
    assert documented["schema"] == "Documentation" and documented["properties"]["document"] == [SEED]
    linked = {v for e in entities.values() for p in ("subject", "object", "holder", "post", "member",
                                                     "organization", "entity", "document")
              for v in e["properties"].get(p, [])}
    assert linked <= set(entities)  # every entity a link names is in the file
    view = client.get("/subgraph", params={"ids": ["panama", AGREEMENT], "format": "ftm"}).content
    assert {e["schema"] for e in ftm_entities(view)} >= {"Article", "Territory", "Contract", "UnknownLink"}
