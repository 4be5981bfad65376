// A source and every fact that cites it (those valid on $as_of; null: any day). Facts keep citations as lists, so this
// scans them; fine at newsroom scale (see bench/README.md for large graphs).
// Record times only with $times (the named graph /graph/{id} shows them): each DateTime
// costs the driver time to hydrate (as in neighbors.cypher), and the JSON answer omits them.
MATCH (s:Source {id: $id})
WHERE s.recorded_at <= $t
CALL (s) {
  OPTIONAL MATCH (a:Entity)-[r]->(b:Entity) WHERE s.id IN r.cite_sources
    AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
    AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
    AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                            AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    id: r.id, type: type(r), from: a {.id, .name, .type}, to: b {.id, .name, .type},
    props: r {.*, recorded_at: CASE WHEN $times THEN r.recorded_at END}} END)[0..$limit] AS rels
}
CALL (s) {
  OPTIONAL MATCH (n:Entity) WHERE s.id IN n.cite_sources
    AND n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
    AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
  RETURN collect(CASE WHEN n IS NULL THEN null ELSE n {.*, recorded_at: CASE WHEN $times THEN n.recorded_at END} END)[0..$limit] AS entities
}
RETURN properties(s) AS props, rels, entities
