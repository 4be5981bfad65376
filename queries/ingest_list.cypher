// The review queue, newest first.
MATCH (i:Ingest) WHERE $status IS NULL OR i.status = $status
WITH i ORDER BY i.created_at DESC, i.id SKIP $offset LIMIT $limit
RETURN i.id AS id, i.status AS status, i.created_at AS created_at, i.title AS title,
       i.mention_count AS mentions, i.relation_count AS relations
