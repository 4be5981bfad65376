// One page of entities (keyset-paged by id) with their outgoing relationships, so
// every relationship is exported exactly once. Retracted facts are not published.
MATCH (n:Entity) WHERE n.id > $after AND n.retracted_at IS NULL
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)-[r]->(m:Entity) WHERE r.retracted_at IS NULL AND m.retracted_at IS NULL
WITH n, collect(CASE WHEN r IS NULL THEN null
                ELSE {type: type(r), to: m.id, props: properties(r)} END) AS rels
RETURN n.id AS id, properties(n) AS props, rels
ORDER BY id
