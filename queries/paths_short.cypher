// Paths of one or two hops, found by joins rather than a search. Between two hubs the
// shortest-path search expands tens of thousands of relationships from one end, while
// a common neighbour is found by expanding one end and checking the other (expand
// into). app.explore.paths asks this first and searches only when it finds fewer than
// {{k}} (a literal, written in by app.cypher.load_bounded). Filters are those of
// paths.cypher.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  MATCH p = (a)-[r]-(b)
  WHERE NOT type(r) IN $exclude_rel_types
    AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                            AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
    AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  RETURN p
  UNION
  MATCH p = (a)-[r1]-(x:Entity)-[r2]-(b)
  WHERE x.recorded_at <= $t AND (x.retracted_at IS NULL OR x.retracted_at > $t)
    AND NOT x.type IN $exclude_types
    AND all(r IN [r1, r2] WHERE NOT type(r) IN $exclude_rel_types
      AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                              AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
      AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t))
  RETURN p
}
WITH p ORDER BY length(p) LIMIT {{k}}
RETURN [n IN nodes(p) | n {.id, .name, .type}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), from: startNode(r).id,
                                  to: endNode(r).id, props: properties(r)}] AS rels
