import shutil
from pathlib import Path

import pytest

from app.reads.health import schema_version as schema_version_plan
from app.schema.loader import SchemaDefinitionError, get_schema, load_schema
from app.schema.types import EntityType, RelType
from app.store.db import Graph
from app.store.schema_apply import apply_schema

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "graph" / "schema"


def schema_version(graph: Graph) -> dict[str, object] | None:
    """The applied schema's version record, read through its Plan."""
    return graph.run(schema_version_plan())


def test_every_node_type_is_declared_with_an_rdf_class_and_constraint() -> None:
    schema = get_schema()
    expected = {"Person", "Organization", "Group", "Country", "Place", "Agreement", "Policy",
                "Event", "Post", "Source", "Statistic", "Statement"}
    assert set(schema.nodes) == expected
    assert "Source" not in set(EntityType)
    constraints = (SCHEMA_DIR / "constraints.cypher").read_text()
    for label in schema.nodes:
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in constraints
    assert {"PARTY_TO", "SIGNED", "FUNDS", "PROVIDES_ASSISTANCE_TO", "HOLDS_POST", "POST_IN",
            "ATTENDED", "ISSUED", "AFFECTS", "LOCATED_IN", "STATED", "REPORTED"} <= set(RelType)


def test_agreement_and_policy_lifecycles_come_from_the_yaml() -> None:
    """Status is no stored property: it is derived from the stages the YAML allows."""
    schema = get_schema()
    assert schema.nodes["Agreement"].lifecycle == (
        "announced", "signed", "in_force", "funded", "suspended", "ended")
    assert "signed" not in schema.nodes["Policy"].lifecycle and not schema.nodes["Person"].lifecycle
    assert "status" not in schema.nodes["Agreement"].properties
    assert schema.nodes["Policy"].properties["instrument"].required


def test_an_unknown_lifecycle_stage_in_the_yaml_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, copy)
    policy = copy / "nodes" / "policy.yaml"
    policy.write_text(policy.read_text().replace("lifecycle: [announced,", "lifecycle: [paused, announced,"))
    with pytest.raises(SchemaDefinitionError, match="paused"):
        load_schema(copy)


def test_schema_cross_check_rejects_unknown_endpoint_type(tmp_path: Path) -> None:
    copy = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, copy)
    (copy / "relationships" / "bogus.yaml").write_text(
        "type: BOGUS\nfrom: [Person]\nto: [Spaceship]\n")
    with pytest.raises(SchemaDefinitionError, match="Spaceship"):
        load_schema(copy)


def test_schema_cross_check_rejects_a_label_without_constraint(tmp_path: Path) -> None:
    copy = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, copy)
    (copy / "nodes" / "vessel.yaml").write_text(
        "label: Vessel\nrdf_class: schema:Vehicle\nproperties: {}\n")
    with pytest.raises(SchemaDefinitionError, match="Vessel"):
        load_schema(copy)


def test_applying_the_schema_twice_changes_nothing(graph: Graph) -> None:
    def inventory() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        constraints = graph.read("SHOW CONSTRAINTS YIELD name, type RETURN name, type ORDER BY name")
        indexes = graph.read("SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name")
        return constraints, indexes

    before, meta_before = inventory(), schema_version(graph)
    result = apply_schema(graph)
    assert result["changed"] is False
    assert inventory() == before
    assert schema_version(graph) == meta_before
    assert meta_before is not None and meta_before["version"] == get_schema().version
    names = {row["name"] for row in before[1]}
    assert "entity_names" in names


def test_the_quote_index_names_every_relationship_type() -> None:
    """A relationship full-text index lists its types: a new type must join fact_quotes."""
    text = (Path(__file__).resolve().parent.parent / "graph" / "schema" / "constraints.cypher").read_text()
    line = next(ln for ln in text.splitlines() if ln.startswith("FOR ()-[r:"))
    indexed = set(line.split("[r:", 1)[1].split("]", 1)[0].split("|"))
    assert indexed == set(get_schema().relationships)
