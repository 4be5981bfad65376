// The k shortest paths (k <= 10, the literal below) of at most $max_hops hops.
// Excluded entity types apply to the nodes in between, not to the two ends.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 10 (a) ((x)-[r]-(y:Entity)
  WHERE NOT type(r) IN $exclude_rel_types
    AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                            AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
    AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
    AND y.recorded_at <= $t AND (y.retracted_at IS NULL OR y.retracted_at > $t)
){1,6} (b)
WHERE length(p) <= $max_hops
  AND all(n IN nodes(p)[1..-1] WHERE NOT n.type IN $exclude_types)
WITH p ORDER BY length(p) LIMIT $k
RETURN [n IN nodes(p) | n {.id, .name, .type}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), from: startNode(r).id,
                                  to: endNode(r).id, props: properties(r)}] AS rels
