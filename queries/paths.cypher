// The k shortest paths of at most max_hops hops. Cypher takes both only as literals,
// so {{k}} and {{max_hops}} are written in by app.cypher.load_bounded from the
// validated ints: the search stops at the caller's bound instead of a fixed 6.
// Excluded entity types apply to the nodes in between, not to the two ends; all
// filters sit inside the pattern so SHORTEST picks among valid paths only.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST {{k}} (a) ((x)-[r]-(y:Entity)
  WHERE NOT type(r) IN $exclude_rel_types
    AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                            AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
    AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
    AND y.recorded_at <= $t AND (y.retracted_at IS NULL OR y.retracted_at > $t)
    AND (y.id = $to OR NOT y.type IN $exclude_types)
){1,{{max_hops}}} (b)
WITH p ORDER BY length(p)
RETURN [n IN nodes(p) | n {.id, .name, .type}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), from: startNode(r).id,
                                  to: endNode(r).id, props: properties(r)}] AS rels
