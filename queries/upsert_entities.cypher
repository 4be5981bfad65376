// Idempotent entity upsert. The label comes from a parameter ($(row.type)); the
// loader only passes EntityType enum values, and MERGE on :Entity uses its index.
// Record time only grows: `recorded_at` stays the first recording, and a retracted
// entity written again is live from now on, its retracted period kept as a pair in
// `retracted_between` (the reads' record-time filter skips an entity inside one).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.recorded_at AS recorded, n.retracted_at AS retracted,
     coalesce(n.retracted_between, []) AS between
SET n = row.props
SET n:$(row.type)
SET n.recorded_at = coalesce(recorded, row.recorded_at, datetime.transaction())
SET n.retracted_between = CASE WHEN retracted IS NULL THEN CASE WHEN between = [] THEN null
                                                                ELSE between END
                               ELSE between + [retracted, datetime.transaction()] END
RETURN count(n) AS written
