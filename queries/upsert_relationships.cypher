// Idempotent relationship upsert keyed by the fact id. MERGE on a dynamic type
// scans all relationships, so we look for the fact from its start node and CREATE
// only when it is missing. The type is a RelType enum value passed as a parameter.
// Record time only grows, as in upsert_entities: a retracted fact written again is
// live from now on and keeps its retracted period in `retracted_between`.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old {id: row.id}]->(b) WHERE type(old) = row.type
WITH a, b, row, old, old.recorded_at AS recorded, old.retracted_at AS retracted,
     coalesce(old.retracted_between, []) AS between
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props, r.recorded_at = coalesce(row.recorded_at, datetime.transaction()))
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END |
  SET old = row.props, old.recorded_at = recorded,
      old.retracted_between = CASE WHEN retracted IS NULL
                                   THEN CASE WHEN between = [] THEN null ELSE between END
                                   ELSE between + [retracted, datetime.transaction()] END)
RETURN count(row) AS written
