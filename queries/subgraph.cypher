// The entities with the given ids and every relationship among them.
// `recorded_at: null`: the answer does not show it, and each DateTime costs the driver
// ~50 µs to hydrate (as in neighbors.cypher).
MATCH (a:Entity) WHERE a.id IN $ids
  AND a.recorded_at <= $t AND (a.retracted_at IS NULL OR a.retracted_at > $t)
  AND size([g IN coalesce(a.retracted_between, []) WHERE g <= $t]) % 2 = 0
OPTIONAL MATCH (a)-[r]->(b:Entity) WHERE b.id IN $ids
  AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                          AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
  AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND b.recorded_at <= $t AND (b.retracted_at IS NULL OR b.retracted_at > $t)
  AND size([g IN coalesce(b.retracted_between, []) WHERE g <= $t]) % 2 = 0
WITH a, collect(CASE WHEN r IS NULL THEN null ELSE {id: r.id, type: type(r), from: a.id,
                to: b.id, from_type: a.type, to_type: b.type, props: r {.*, recorded_at: null}} END) AS rels
RETURN a {.id, .name, .type} AS node, rels
ORDER BY a.id
