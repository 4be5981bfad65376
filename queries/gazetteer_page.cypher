// One keyset page of current entities' names for the ingestion gazetteer (app/reads/gazetteer.py).
MATCH (n:Entity) WHERE n.id > $after AND n.retracted_at IS NULL
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases,
       coalesce(n.names, []) AS names, n.recorded_at AS recorded_at
