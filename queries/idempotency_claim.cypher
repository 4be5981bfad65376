// Claim an Idempotency-Key before the write it guards. Expired claims go first (24 hours
// for answers, $stale_seconds for a claim whose write never reported back); a live one
// makes the CREATE fail on the unique constraint, which the caller reads as "in progress".
OPTIONAL MATCH (old:IdempotentRequest {id: $id})
WHERE old.created_at < datetime() - duration({hours: 24})
   OR (old.status IS NULL AND old.created_at < datetime() - duration({seconds: $stale_seconds}))
DELETE old
WITH 1 AS done
CREATE (r:IdempotentRequest {id: $id, body_hash: $body_hash, created_at: datetime()})
RETURN r.id AS id
