// The stored answer to an earlier request with the same caller, method, path and key.
MATCH (r:IdempotentRequest {id: $id})
WHERE r.created_at >= datetime() - duration({hours: 24})
RETURN r.body_hash AS body_hash, r.status AS status, r.content_type AS content_type,
       r.body AS body, toString(r.created_at) AS created_at
