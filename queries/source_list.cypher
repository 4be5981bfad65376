// A page of sources as recorded at $t, newest first: by publication date, or when it was
// recorded if the date is not known (with $lucene: those whose
// title or text has the words, best match first), each with how many facts (relationships
// and entities) cite it. Counting scans the citation lists of every fact once per page:
// fine at newsroom scale.
CALL () {
  WITH $lucene AS lucene WHERE lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('source_text', lucene, {limit: 10000}) YIELD node, score
  RETURN collect({id: node.id, score: score}) AS hits  // no q: still one row, hits empty
}
MATCH (s:Source) WHERE s.recorded_at <= $t
  AND ($publisher IS NULL OR s.publisher = $publisher)
WITH s, head([h IN hits WHERE h.id = s.id | h.score]) AS score
WHERE $lucene IS NULL OR score IS NOT NULL
ORDER BY score DESC, coalesce(s.published, date(s.recorded_at)) DESC, s.id SKIP $offset LIMIT $limit
WITH collect({s: s, score: score}) AS page
CALL (page) {
  UNWIND page AS hit
  WITH hit.s AS s, hit.score AS score
  OPTIONAL MATCH ()-[r]->() WHERE s.id IN r.cite_sources AND r.recorded_at <= $t
    AND (r.retracted_at IS NULL OR r.retracted_at > $t)
    AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  WITH s, score, count(r) AS relationships
  OPTIONAL MATCH (n:Entity) WHERE s.id IN n.cite_sources AND n.recorded_at <= $t
    AND (n.retracted_at IS NULL OR n.retracted_at > $t)
    AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
  RETURN s, score, relationships, count(n) AS entities
}
RETURN s {.id, .kind, .title, .publisher, .url, .published, .language} AS source, relationships,
       entities, score, left(s.text, 400) AS opening
ORDER BY score DESC, coalesce(s.published, date(s.recorded_at)) DESC, source.id
