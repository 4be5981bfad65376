// One page of published relationships, keyset-paged by (start id, fact id): the id
// index gives the start nodes in order, so each page reads only its own rows, and a
// hub's thousands of relationships spread over pages. Retracted facts are left out.
MATCH (n:Entity) WHERE n.id >= $after_from AND n.retracted_at IS NULL
WITH n ORDER BY n.id
MATCH (n)-[r]->(m:Entity)
WHERE r.retracted_at IS NULL AND m.retracted_at IS NULL
  AND (n.id > $after_from OR r.id > $after_id)
WITH n, r, m ORDER BY n.id, r.id LIMIT $limit
RETURN n.id AS from, r.id AS id, type(r) AS type, m.id AS to, properties(r) AS props
