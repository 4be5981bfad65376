// Idempotent relationship upsert keyed by the fact id. MERGE on a dynamic type
// scans all relationships, so we look for the fact from its start node and CREATE
// only when it is missing. The type is a RelType enum value passed as a parameter.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old {id: row.id}]->(b) WHERE type(old) = row.type
WITH a, b, row, old, old.recorded_at AS recorded
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props, r.recorded_at = coalesce(row.recorded_at, datetime.transaction()))
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END |
  SET old = row.props, old.recorded_at = recorded)
RETURN count(row) AS written
