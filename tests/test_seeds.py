import shutil
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from app.errors import SeedError
from app.model.records import Bundle, EntityRecord, RelationshipRecord
from app.store.db import Graph
from app.writes.loader import IncompleteWrite, load_seeds, write_bundle
from app.writes.validate import load_bundle, quote_in_text
from tests.conftest import SEEDS, snapshot

STORY = SEEDS / "000_darien_gap_agreement"


def records(name: str) -> list[dict[str, object]]:
    data = yaml.safe_load((STORY / name).read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def copy_story(tmp_path: Path) -> Path:
    root = tmp_path / "seeds"
    shutil.copytree(STORY, root / STORY.name)
    return root


def test_seed_counts_match_the_files(graph: Graph) -> None:
    entities, rels, sources = records("entities.yaml"), records("relationships.yaml"), records("sources.yaml")
    counts = graph.read(
        "MATCH (n:Entity) WITH count(n) AS entities "
        "MATCH (s:Source) WITH entities, count(s) AS sources "
        "MATCH (:Entity)-[r]->(:Entity) RETURN entities, sources, count(r) AS rels"
    )[0]
    assert counts == {"entities": len(entities), "sources": len(sources), "rels": len(rels)}
    by_type = {row["type"]: row["n"] for row in graph.read(
        "MATCH (n:Entity) RETURN n.type AS type, count(*) AS n")}
    expected: dict[str, int] = {}
    for record in entities:
        expected[str(record["type"])] = expected.get(str(record["type"]), 0) + 1
    assert by_type == expected


def test_seed_story_covers_the_article(graph: Graph) -> None:
    names = {row["id"] for row in graph.read("MATCH (n:Entity) RETURN n.id AS id")}
    for must in ["alejandro-mayorkas", "jose-raul-mulino", "joe-biden", "united-states", "panama",
                 "mexico", "ecuador", "us-department-of-homeland-security", "us-department-of-state",
                 "darien-gap", "us-panama-deportation-agreement-2024", "biden-asylum-restriction-2024",
                 "ecuador-visa-requirement-chinese-nationals", "mexico-migrant-enforcement-operations",
                 "darien-crossings-2023", "inauguration-of-jose-raul-mulino"]:
        assert must in names
    parties = graph.read(
        "MATCH (c)-[:PARTY_TO]->(:Agreement {id: 'us-panama-deportation-agreement-2024'}) "
        "RETURN c.id AS id ORDER BY id")
    assert [p["id"] for p in parties] == ["panama", "united-states"]


def test_every_fact_cites_a_quote_found_in_its_source(graph: Graph) -> None:
    rows = graph.read("MATCH (s:Source) RETURN s.id AS id, s.text AS text")
    texts = {row["id"]: row["text"] for row in rows}
    facts = graph.read(
        "MATCH ()-[r]->() RETURN r.id AS id, r.cite_sources AS sources, r.cite_quotes AS quotes "
        "UNION ALL MATCH (n:Entity) RETURN n.id AS id, n.cite_sources AS sources, n.cite_quotes AS quotes"
    )
    assert len(facts) > 80
    for fact in facts:
        assert fact["sources"], f"{fact['id']} has no citation"
        for source, quote in zip(fact["sources"], fact["quotes"], strict=True):
            assert quote_in_text(quote, texts[source]), f"{fact['id']}: {quote!r}"


def test_source_keeps_text_and_hash_and_unknowns_stay_unknown(graph: Graph) -> None:
    source = graph.read("MATCH (s:Source) RETURN properties(s) AS p")[0]["p"]
    assert source["text"] == (STORY / "article.txt").read_text(encoding="utf-8")
    assert source["content_hash"].startswith("sha256:")
    assert "title" not in source and "published" not in source
    dated = graph.read("MATCH ()-[r]->() WHERE r.valid_from IS NOT NULL OR r.valid_to IS NOT NULL "
                       "RETURN count(r) AS n")[0]["n"]
    assert dated == 0  # the story gives no full dates for any relationship


def test_attributed_claims_name_who_made_them(graph: Graph) -> None:
    row = graph.read("MATCH (s:Statement {id: 'mulino-accuses-aid-workers'}) "
                     "RETURN s.cite_modes AS modes, s.cite_attributed_to AS who")[0]
    assert row == {"modes": ["attributed"], "who": ["jose-raul-mulino"]}


def test_loading_twice_changes_nothing(graph: Graph) -> None:
    before = snapshot(graph)
    load_seeds(graph, SEEDS)
    assert snapshot(graph) == before


def test_a_bad_record_writes_nothing_and_names_file_record_and_field(graph: Graph, tmp_path: Path) -> None:
    root = copy_story(tmp_path)
    entities = records("entities.yaml")
    entities.append({"id": "new-person", "type": "Person", "name": "New Person",
                     "citations": [{"source": "seed-000-eb3fd6c821e75620", "quote": "Mulino",
                                    "confidence": 1.0, "mode": "asserted"}]})
    entities[3]["properties"] = {"iso_alpha2": "toolong"}
    (root / STORY.name / "entities.yaml").write_text(yaml.safe_dump(entities, allow_unicode=True))
    before = snapshot(graph)
    with pytest.raises(SeedError) as err:
        load_seeds(graph, root)
    message = err.value.message
    assert "entities.yaml: record 3 (id=ecuador)" in message
    assert "field properties.iso_alpha2" in message
    assert snapshot(graph) == before
    assert not graph.read("MATCH (n {id: 'new-person'}) RETURN n")


def test_an_unknown_type_and_a_missing_field_are_both_reported(tmp_path: Path) -> None:
    root = copy_story(tmp_path)
    rels = records("relationships.yaml")
    rels[0]["type"] = "OWNS_SPACESHIP"
    del rels[1]["citations"]
    (root / STORY.name / "relationships.yaml").write_text(yaml.safe_dump(rels, allow_unicode=True))
    with pytest.raises(SeedError) as err:
        load_bundle([root / STORY.name])
    assert any("record 0" in p and "field type" in p for p in err.value.problems)
    assert any("record 1" in p and "field citations" in p for p in err.value.problems)


def test_a_quote_missing_from_its_source_is_rejected(graph: Graph, tmp_path: Path) -> None:
    root = copy_story(tmp_path)
    rels = records("relationships.yaml")
    rels[5]["citations"][0]["quote"] = "Panama will build a wall across the Darién"  # type: ignore[index]
    (root / STORY.name / "relationships.yaml").write_text(yaml.safe_dump(rels, allow_unicode=True))
    before = snapshot(graph)
    with pytest.raises(SeedError) as err:
        load_seeds(graph, root)
    assert "relationships.yaml: record 5" in err.value.message
    assert "field citations.0.quote: not found word for word" in err.value.message
    assert snapshot(graph) == before


def test_relationship_endpoints_must_fit_the_schema(tmp_path: Path) -> None:
    root = copy_story(tmp_path)
    rels = records("relationships.yaml")
    rels.append({"type": "HOLDS_POST", "from": "panama", "to": "darien-gap",
                 "citations": [{"source": "seed-000-eb3fd6c821e75620", "quote": "Panama",
                                "confidence": 1.0, "mode": "asserted"}]})
    (root / STORY.name / "relationships.yaml").write_text(yaml.safe_dump(rels, allow_unicode=True))
    with pytest.raises(SeedError) as err:
        load_bundle([root / STORY.name])
    assert "HOLDS_POST cannot start at a Country" in err.value.message
    assert "HOLDS_POST cannot end at a Place" in err.value.message


def test_a_failure_mid_transaction_rolls_back_the_whole_batch(graph: Graph) -> None:
    """Validation is bypassed here to prove the write itself is all-or-nothing."""
    cite = {"source": "seed-000-eb3fd6c821e75620", "quote": "Panama", "confidence": 1.0,
            "mode": "asserted"}
    bundle = Bundle(
        entities=[EntityRecord.model_validate({"id": "rollback-probe", "type": "Person",
                                               "name": "Probe", "citations": [cite]})],
        relationships=[RelationshipRecord.model_validate(
            {"type": "ATTENDED", "from": "rollback-probe", "to": "no-such-event", "citations": [cite]})],
    )
    before = snapshot(graph)
    with pytest.raises(IncompleteWrite):
        write_bundle(graph, bundle)
    assert snapshot(graph) == before


def test_groups_of_people_are_groups_and_dhs_carries_out_the_agreement(client: TestClient) -> None:
    for group in ("chinese-migrants", "darien-gap-migrants", "international-aid-workers"):
        assert client.get(f"/entities/{group}").json()["type"] == "Group"
    assert "foaf/0.1/Group" in client.get("/id/chinese-migrants?format=nt").text
    agreement = client.get("/entities/us-panama-deportation-agreement-2024").json()
    implementers = agreement["relationships"]["IMPLEMENTS"]
    assert [r["other"]["id"] for r in implementers] == ["us-department-of-homeland-security"]
    assert implementers[0]["citations"][0]["quote"].startswith("The Department of Homeland Security will")
    listed = client.get("/agreements", params={"country": "panama"}).json()[0]
    assert [r["other"]["id"] for r in listed["implementers"]] == ["us-department-of-homeland-security"]


def test_a_policy_belongs_to_its_issuers_country(client: TestClient) -> None:
    """Biden issued the asylum restriction and holds a post in the United States."""
    us = client.get("/policies", params={"country": "united-states"}).json()
    restriction = next(p for p in us if p["id"] == "biden-asylum-restriction-2024")
    assert "united-states" in restriction["countries"]
    assert "biden-asylum-restriction-2024" not in {p["id"] for p in client.get(
        "/policies", params={"country": "ecuador"}).json()}
