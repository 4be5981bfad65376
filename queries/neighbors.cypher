// Neighbors up to {{depth}} hop(s) (a literal, written in by app.cypher.load_bounded).
// Each hop obeys the filters: relationship types, direction, as_of (undated facts are
// kept: unknown is not invalid), entity types, and the record-time cut-off $t; $now
// (t is the present) skips the record-time comparisons, a property read per step.
// $max_paths bounds the work on hubs; `capped` says the bound was reached, so `total`
// counts only the neighbors reached by then.
MATCH (n:Entity {id: $id})
MATCH p = (n) ((a)-[r]-(b:Entity)
  WHERE (size($rel_types) = 0 OR type(r) IN $rel_types)
    AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
    AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                             AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
    AND (size($types) = 0 OR b.type IN $types)
    AND CASE WHEN $now THEN r.retracted_at IS NULL AND b.retracted_at IS NULL
             ELSE r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
                  AND b.recorded_at <= $t AND (b.retracted_at IS NULL OR b.retracted_at > $t) END
    AND b <> n
){1,{{depth}}} (m)
WITH m, p LIMIT $max_paths
WITH m, min(length(p)) AS distance, collect(p) AS paths
WITH m, distance, size(paths) AS seen, [x IN paths WHERE length(x) = distance][0..5] AS shortest
ORDER BY distance, m.name
WITH collect({m: m, distance: distance, paths: shortest}) AS found, sum(seen) AS seen
RETURN size(found) AS total, seen >= $max_paths AS capped, [f IN found[0..$limit] | {
  node: {id: f.m.id, name: f.m.name, type: f.m.type}, distance: f.distance,
  edges: reduce(acc = [], x IN f.paths | acc + [r IN relationships(x) | {
    id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}])
}] AS items
