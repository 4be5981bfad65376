MATCH (a:Entity)-[r {id: $id}]->(b:Entity) WHERE r.retracted_at IS NULL
RETURN properties(r) AS props, type(r) AS type, a.id AS from, b.id AS to
