// A page of sources as recorded at $t, newest publication first, each with how many facts
// (relationships and entities) cite it. Counting scans the citation lists of every fact
// once per page: fine at newsroom scale.
MATCH (s:Source) WHERE s.recorded_at <= $t
  AND ($publisher IS NULL OR s.publisher = $publisher)
WITH s ORDER BY s.published DESC, s.id SKIP $offset LIMIT $limit
WITH collect(s) AS page
CALL (page) {
  UNWIND page AS s
  OPTIONAL MATCH ()-[r]->() WHERE s.id IN r.cite_sources AND r.recorded_at <= $t
    AND (r.retracted_at IS NULL OR r.retracted_at > $t)
    AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  WITH s, count(r) AS relationships
  OPTIONAL MATCH (n:Entity) WHERE s.id IN n.cite_sources AND n.recorded_at <= $t
    AND (n.retracted_at IS NULL OR n.retracted_at > $t)
    AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
  RETURN s, relationships, count(n) AS entities
}
RETURN s {.id, .kind, .title, .publisher, .url, .published, .language} AS source, relationships,
       entities
ORDER BY source.published DESC, source.id
