// The first answer, kept for a retry with the same key and body.
MATCH (r:IdempotentRequest {id: $id})
SET r.status = $status, r.content_type = $content_type, r.body = $body
