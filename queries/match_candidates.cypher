// Candidates for a batch of names to match (reconciliation, ingestion): for each query,
// the best `$cap` full-text hits over names and aliases of the wanted types, as the graph
// stood at record time $t. Scoring happens in Python (app/reads/matching.py); this is
// recall only, so a query's terms are OR-ed, and one full-text call serves each name.
UNWIND $queries AS q
CALL {
  WITH q
  CALL db.index.fulltext.queryNodes('entity_names', q.lucene, {limit: $cap}) YIELD node
  WHERE (size(q.types) = 0 OR node.type IN q.types)
    AND node.recorded_at <= $t AND (node.retracted_at IS NULL OR node.retracted_at > $t)
    AND size([g IN coalesce(node.retracted_between, []) WHERE g <= $t]) % 2 = 0
  RETURN collect({id: node.id, name: node.name, type: node.type,
                  aliases: coalesce(node.aliases, []), names: coalesce(node.names, []),
                  description: node.description,
                  wanted: [p IN q.pids | node[p]]}) AS hits
}
RETURN q.key AS key, hits
