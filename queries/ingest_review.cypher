// Close a pending ingest with the reviewer's decisions, and remember what was rejected so a
// later ingest does not propose it again. Runs in the transaction that writes the records.
MATCH (i:Ingest {id: $id}) WHERE i.status = 'pending'
SET i.status = $status, i.payload = $payload, i.reviewed_at = $now, i.reviewed_by = $reviewer
WITH i
FOREACH (key IN $rejections | MERGE (:IngestRejection {key: key}))
RETURN count(i) AS updated
