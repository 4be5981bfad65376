// One page of published entities, keyset-paged by id. Their relationships come from
// export_relationships, paged on their own so a hub cannot swell one page.
MATCH (n:Entity) WHERE n.id > $after AND n.retracted_at IS NULL
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, properties(n) AS props
