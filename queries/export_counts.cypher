MATCH (s:Source) WITH count(s) AS sources
MATCH (n:Entity) WHERE n.retracted_at IS NULL RETURN sources, count(n) AS entities
