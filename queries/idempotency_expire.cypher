// Forget answers older than 24 hours, a batch at a time.
MATCH (r:IdempotentRequest) WHERE r.created_at < datetime() - duration({hours: 24})
WITH r LIMIT 1000
DELETE r
