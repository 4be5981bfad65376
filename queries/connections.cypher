// Entities directly connected to every one of $ids, with the linking relationships.
// `recorded_at: null`: the answer does not show it, and each DateTime costs the driver
// ~50 µs to hydrate (as in neighbors.cypher).
UNWIND $ids AS seed
MATCH (s:Entity {id: seed})-[r]-(m:Entity)
WHERE NOT m.id IN $ids
  AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                          AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
  AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND m.recorded_at <= $t AND (m.retracted_at IS NULL OR m.retracted_at > $t)
  AND size([g IN coalesce(m.retracted_between, []) WHERE g <= $t]) % 2 = 0
WITH m, seed, collect({id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id,
                       props: r {.*, recorded_at: null}}) AS rels
WITH m, collect(seed) AS seeds, reduce(acc = [], x IN collect(rels) | acc + x) AS rels
WHERE size(seeds) = size($ids)
RETURN m {.id, .name, .type} AS node, rels
ORDER BY size(rels) DESC, m.name
LIMIT $limit
