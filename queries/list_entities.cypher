MATCH (n:Entity)
WHERE size($types) = 0 OR n.type IN $types
WITH n ORDER BY n.name, n.id SKIP $offset LIMIT $limit
RETURN n.id AS id, n.name AS name, n.type AS type, coalesce(n.aliases, []) AS aliases,
       n.description AS description, null AS score
