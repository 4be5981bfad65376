// Sizes for the export's progress: sources and published entities, and relationships
// from the count store (retracted ones included, so an upper bound).
MATCH (s:Source) WITH count(s) AS sources
MATCH (n:Entity) WHERE n.retracted_at IS NULL
WITH sources, count(n) AS entities
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN sources, entities, relationships
