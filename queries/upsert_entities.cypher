// Idempotent entity upsert. The label comes from a parameter ($(row.type)); the
// loader only passes EntityType enum values, and MERGE on :Entity uses its index.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.recorded_at AS recorded
SET n = row.props
SET n:$(row.type)
SET n.recorded_at = coalesce(recorded, row.recorded_at, datetime.transaction())
RETURN count(n) AS written
