// Idempotent: the same rows twice leave the same graph (recorded_at is kept).
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
WITH s, row, s.recorded_at AS recorded
SET s = row.props
SET s.recorded_at = coalesce(recorded, row.recorded_at, datetime.transaction())
RETURN count(s) AS written
