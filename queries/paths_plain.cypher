// paths.cypher without the filters that read properties, for the common request: the
// present, no exclusions, no as_of. Those filters, even when they never reject, double
// the search time on a 1M-entity graph (bench/README.md); checking element ids is
// nearly free. So this search only avoids $avoid_nodes and $avoid_rels, and flags
// retracted records on the few paths it found (`dead`); app.explore.find_paths then
// searches again, avoiding them too.
// `recorded_at: null`: the answer does not show it, and each DateTime costs the driver
// ~50 µs to hydrate (as in neighbors.cypher).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*1..{{max_hops}}]-(b))
WHERE all(y IN nodes(p) WHERE NOT elementId(y) IN $avoid_nodes)
  AND all(r IN relationships(p) WHERE NOT elementId(r) IN $avoid_rels)
WITH p LIMIT $k
RETURN [n IN nodes(p) | n {.id, .name, .type, element_id: elementId(n),
                           dead: n.retracted_at IS NOT NULL OR NOT n:Entity}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), from: startNode(r).id,
                                  to: endNode(r).id, props: r {.*, recorded_at: null},
                                  element_id: elementId(r),
                                  dead: r.retracted_at IS NOT NULL}] AS rels
