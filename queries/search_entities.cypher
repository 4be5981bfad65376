// Full-text search over names, aliases and names in other languages.
// An exact (folded) name or alias match outranks any fuzzy hit, so "DHS" puts the
// department first. $t is the record-time cut-off (as_recorded, or far future).
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $cap}) YIELD node, score
WHERE (size($types) = 0 OR node.type IN $types)
  AND node.recorded_at <= $t AND (node.retracted_at IS NULL OR node.retracted_at > $t)
  AND size([g IN coalesce(node.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND ($as_of IS NULL OR coalesce(node.date, node.date_signed) IS NULL
       OR toString(coalesce(node.date, node.date_signed)) <= toString($as_of))  // dated later: not yet on $as_of
WITH node, score + CASE WHEN $folded IN coalesce(node.search_keys, []) THEN 100.0 ELSE 0.0 END AS score
ORDER BY score DESC, node.name
WITH collect({id: node.id, name: node.name, type: node.type, aliases: coalesce(node.aliases, []),
              description: node.description, score: score}) AS hits
RETURN size(hits) AS total, hits[$offset..($offset + $limit)] AS results
