MATCH (n:Entity) WHERE n.retracted_at IS NULL WITH count(n) AS entities, max(n.recorded_at) AS newest
OPTIONAL MATCH (a:Agreement) WITH entities, newest, min(a.id) AS agreement
OPTIONAL MATCH (e:Entity) WITH entities, newest, agreement, min(e.id) AS first
// Every write logs a Change, so their count and latest time identify the graph's version.
OPTIONAL MATCH (c:Change) WITH entities, newest, agreement, first, count(c) AS changes,
                                max(c.at) AS last_change
RETURN entities, toString(newest) AS modified, coalesce(agreement, first) AS example,
       changes, toString(last_change) AS last_change
