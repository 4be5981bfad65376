// Per relationship type and direction, how many neighbors an expansion would bring
// (before any filter), as Aleph shows them.
MATCH (n:Entity {id: $id})
WHERE n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
  AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
OPTIONAL MATCH (n)-[r]-(m:Entity)
WHERE r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND m.recorded_at <= $t AND (m.retracted_at IS NULL OR m.retracted_at > $t)
  AND size([g IN coalesce(m.retracted_between, []) WHERE g <= $t]) % 2 = 0
WITH n, type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
     count(r) AS count
ORDER BY count DESC, type
RETURN n {.id, .name, .type} AS center,
       collect(CASE WHEN type IS NULL THEN null
               ELSE {type: type, direction: direction, count: count} END) AS counts
