// The shortest paths of at most {{max_hops}} hops (a literal, written in by
// app.cypher.load_bounded from the validated int), at most $k of them. allShortestPaths
// runs a bidirectional breadth-first search: between hubs of a 1M-entity graph it
// answers in tens of milliseconds where SHORTEST k took seconds (bench/README.md).
// Each filter has the form all(... IN relationships(p) / nodes(p) ...), which the
// search checks as it expands; any other form would make Neo4j fall back to an
// exhaustive search (a test checks the plan).
// $avoid_nodes and $avoid_rels hold element ids: app.explore.find_paths asks again
// avoiding the entities in between (and the direct links) of the paths found so far, to
// find alternative routes, and avoiding retracted records, below.
// In the present ($now), retraction is not checked during the search, which would cost
// a property read at every step, but flagged on the few paths found (`dead`); the
// caller searches again avoiding what was flagged. Retractions are rare, so one search
// is the rule. A past $t checks the record-time window at every step.
// `recorded_at: null`: the answer does not show it, and each DateTime costs the driver
// ~50 µs to hydrate (as in neighbors.cypher).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*1..{{max_hops}}]-(b))
WHERE all(r IN relationships(p) WHERE
        ($now OR (r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
              AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0))
        AND (size($avoid_rels) = 0 OR NOT elementId(r) IN $avoid_rels)
        AND (size($exclude_rel_types) = 0 OR NOT type(r) IN $exclude_rel_types)
        AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                                AND (r.valid_to IS NULL OR r.valid_to >= $as_of))))
  AND all(y IN nodes(p) WHERE y:Entity
        AND ($now OR (y.recorded_at <= $t AND (y.retracted_at IS NULL OR y.retracted_at > $t)
                  AND size([g IN coalesce(y.retracted_between, []) WHERE g <= $t]) % 2 = 0))
        AND (size($avoid_nodes) = 0 OR NOT elementId(y) IN $avoid_nodes)
        AND (size($exclude_types) = 0 OR y.id IN [$from, $to] OR NOT y.type IN $exclude_types))
WITH p LIMIT $k
RETURN [n IN nodes(p) | n {.id, .name, .type, element_id: elementId(n),
                           dead: $now AND n.retracted_at IS NOT NULL}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), from: startNode(r).id,
                                  to: endNode(r).id, props: r {.*, recorded_at: null},
                                  element_id: elementId(r),
                                  dead: $now AND r.retracted_at IS NOT NULL}] AS rels
