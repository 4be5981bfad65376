MATCH (n:Entity) WHERE n.retracted_at IS NULL WITH count(n) AS entities, max(n.recorded_at) AS newest
OPTIONAL MATCH (a:Agreement) WITH entities, newest, min(a.id) AS agreement
OPTIONAL MATCH (e:Entity) WITH entities, newest, agreement, min(e.id) AS first
RETURN entities, toString(newest) AS modified, coalesce(agreement, first) AS example
