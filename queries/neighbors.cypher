// Neighbors up to {{depth}} hop(s) (a literal, written in by app.cypher.load_bounded).
// Each hop obeys the filters: relationship types, direction, as_of (undated facts are
// kept: unknown is not invalid), entity types, and the record-time cut-off $t; $now
// (t is the present) skips the record-time comparisons. Each filter is a CASE on its
// parameter because CASE is evaluated in order: an unused filter reads no property,
// where `size($types) = 0 OR b.type IN $types` was reordered by the planner and read
// b.type at every step.
// $max_paths bounds the work on hubs; `capped` says the bound was reached, so `total`
// counts only the neighbors reached by then.
// `(a:Entity)` is always true (n and every b are entities) but keeps the planner from
// rewriting the pattern to VarLengthExpand, which reads and filters every relationship
// of a hub before the LIMIT can stop it (57,000 db hits for 1,000 paths next to a
// country at 1M entities). Repeat(Trail) stops at the LIMIT (6,000 db hits) and, in
// 5.26 (not a documented order; a test pins it), goes hop by hop, so a capped page
// keeps the direct neighbors (bench/README.md).
MATCH (n:Entity {id: $id})
MATCH p = (n) ((a:Entity)-[r]-(b:Entity)
  WHERE CASE WHEN size($rel_types) = 0 THEN true ELSE type(r) IN $rel_types END
    AND CASE WHEN $direction = 'both' THEN true ELSE ($direction = 'out') = (startNode(r) = a) END
    AND CASE WHEN $as_of IS NULL THEN true
             ELSE (r.valid_from IS NULL OR r.valid_from <= $as_of)
                  AND (r.valid_to IS NULL OR r.valid_to >= $as_of) END
    AND CASE WHEN size($types) = 0 THEN true ELSE b.type IN $types END
    AND CASE WHEN $now THEN r.retracted_at IS NULL AND b.retracted_at IS NULL
             ELSE r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
                  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
                  AND b.recorded_at <= $t AND (b.retracted_at IS NULL OR b.retracted_at > $t)
                  AND size([g IN coalesce(b.retracted_between, []) WHERE g <= $t]) % 2 = 0 END
    AND b <> n
){1,{{depth}}} (m)
WITH m, p LIMIT $max_paths
WITH m, min(length(p)) AS distance, collect(p) AS paths
WITH m, distance, size(paths) AS seen, [x IN paths WHERE length(x) = distance][0..5] AS shortest
ORDER BY distance, m.name
WITH collect({m: m, distance: distance, paths: shortest}) AS found, sum(seen) AS seen
WITH size(found) AS total, seen >= $max_paths AS capped, found[0..$limit] AS page
// Each relationship once, however many of the page's paths share it (a first hop is
// shared by every neighbor reached through it).
CALL (page) {
  UNWIND page AS f
  UNWIND f.paths AS x
  UNWIND relationships(x) AS r
  WITH DISTINCT r
  RETURN collect({id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id,
                  props: r {.*, recorded_at: null}}) AS edges
}
RETURN total, capped, edges,
       [f IN page | {node: {id: f.m.id, name: f.m.name, type: f.m.type}, distance: f.distance}] AS items
