// A claim whose request got no answer worth keeping (5xx, 401, 403, 429): free the key.
MATCH (r:IdempotentRequest {id: $id}) WHERE r.status IS NULL
DELETE r
