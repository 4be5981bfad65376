// Entities recorded (created or changed) after $since: what the gazetteer has not seen.
MATCH (n:Entity) WHERE n.recorded_at > $since AND n.retracted_at IS NULL
RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases,
       coalesce(n.names, []) AS names, n.recorded_at AS recorded_at
ORDER BY n.recorded_at LIMIT $limit
