"""Apply `graph/schema/constraints.cypher` to Neo4j and record the schema's version."""

from typing import Any

from app.schema.loader import Schema, get_schema
from app.settings import get_settings
from app.store.cypher import load, statements
from app.store.db import Graph


def apply_schema(graph: Graph, schema: Schema | None = None) -> dict[str, Any]:
    """Create constraints and indexes (IF NOT EXISTS) and record the version.

    Running it twice changes nothing: the meta node is only touched when the
    version or checksum differs.
    """
    schema = schema or get_schema()
    for statement in statements(get_settings().schema_dir / "constraints.cypher"):
        graph.write(statement)
    graph.write("CALL db.awaitIndexes(300)")
    rows = graph.write(load("schema_record_version"), version=schema.version,
                       checksum=schema.checksum)
    return rows[0]
