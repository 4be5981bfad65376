MATCH (s:Source) WITH count(s) AS sources
MATCH (n:Entity) RETURN sources, count(n) AS entities
