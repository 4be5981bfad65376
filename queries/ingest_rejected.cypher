// Which of these proposal keys a reviewer rejected before.
UNWIND $keys AS key
MATCH (r:IngestRejection {key: key})
RETURN collect(r.key) AS rejected
