// GET /facts: cited facts (relationships, and entity attributes as kind ATTRIBUTE) with the
// citations that pass the provenance filters, as the graph stood at record time $t.
// With $q, the quote indexes (fact_quotes, entity_quotes) find them, ranked by score;
// without, relationships and entities are scanned (citations are lists on each).
CALL () {
  CALL () {
    WITH $q AS q WHERE q IS NOT NULL
    CALL db.index.fulltext.queryRelationships('fact_quotes', q, {limit: $cap}) YIELD relationship AS r, score
    MATCH (a:Entity)-[r]->(b:Entity)
    RETURN r AS fact, a, b, score
    UNION ALL
    WITH $q AS q WHERE q IS NULL
    MATCH (a:Entity)-[r]->(b:Entity)
    RETURN r AS fact, a, b, 0.0 AS score
  }
  WITH fact, a, b, score
  WHERE ($rel_type IS NULL OR type(fact) = $rel_type)
    AND ($entity IS NULL OR a.id = $entity OR b.id = $entity)
    AND fact.recorded_at <= $t AND (fact.retracted_at IS NULL OR fact.retracted_at > $t)
    AND size([g IN coalesce(fact.retracted_between, []) WHERE g <= $t]) % 2 = 0
  RETURN fact.id AS id, type(fact) AS type, a {.id, .name, .type} AS subject,
         b {.id, .name, .type} AS object, properties(fact) AS props, score
  UNION ALL
  CALL () {
    WITH $q AS q WHERE q IS NOT NULL AND $rel_type IS NULL
    CALL db.index.fulltext.queryNodes('entity_quotes', q, {limit: $cap}) YIELD node, score
    RETURN node, score
    UNION ALL
    WITH $q AS q WHERE q IS NULL AND $rel_type IS NULL
    MATCH (node:Entity)
    RETURN node, 0.0 AS score
  }
  WITH node, score
  WHERE ($entity IS NULL OR node.id = $entity)
    AND node.recorded_at <= $t AND (node.retracted_at IS NULL OR node.retracted_at > $t)
    AND size([g IN coalesce(node.retracted_between, []) WHERE g <= $t]) % 2 = 0
  RETURN node.id AS id, 'ATTRIBUTE' AS type, node {.id, .name, .type} AS subject, null AS object,
         properties(node) AS props, score
}
// The citations that pass the filters, and the valid time: a fact overlapping [$from, $to]
// (or holding on $as_of); undated facts only with $include_undated.
WITH id, type, subject, object, props, score,
     [i IN range(0, size(coalesce(props.cite_sources, [])) - 1)
      WHERE ($source IS NULL OR props.cite_sources[i] = $source)
        AND ($min_confidence IS NULL OR props.cite_confidences[i] >= $min_confidence)
        AND ($max_confidence IS NULL OR props.cite_confidences[i] <= $max_confidence)
        AND ($mode IS NULL OR props.cite_modes[i] = $mode)
        AND ($attributed_to IS NULL OR props.cite_attributed_to[i] = $attributed_to)] AS keep,
     props.valid_from IS NULL AND props.valid_to IS NULL AS undated
WHERE size(keep) > 0
  AND CASE WHEN $from IS NULL AND $to IS NULL AND $as_of IS NULL THEN true
           WHEN undated THEN $include_undated OR ($from IS NULL AND $to IS NULL)  // as_of keeps them, as everywhere
           ELSE coalesce(props.valid_from, date('0001-01-01')) <= coalesce($to, $as_of, date('9999-12-31'))
                AND coalesce(props.valid_to, date('9999-12-31')) >= coalesce($from, $as_of, date('0001-01-01')) END
RETURN id, type, subject, object, props {.valid_from, .valid_to, .date_text} AS dates, score,
       [i IN keep | {source: props.cite_sources[i], quote: props.cite_quotes[i],
                     confidence: props.cite_confidences[i], mode: props.cite_modes[i],
                     attributed_to: props.cite_attributed_to[i], fields: props.cite_fields[i]}] AS citations
ORDER BY score DESC, type, id SKIP $offset LIMIT $limit
