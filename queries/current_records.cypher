// The stored state of records about to be written, for diffs and history.
CALL () {
  UNWIND $entity_ids AS id
  MATCH (n:Entity {id: id})
  RETURN 'entity' AS kind, id, properties(n) AS props, labels(n) AS labels
  UNION ALL
  UNWIND $source_ids AS id
  MATCH (s:Source {id: id})
  RETURN 'source' AS kind, id, properties(s) AS props, [] AS labels
  UNION ALL
  UNWIND $rels AS rel
  MATCH (:Entity {id: rel.from})-[r {id: rel.id}]->()
  RETURN 'relationship' AS kind, rel.id AS id, properties(r) AS props, [type(r)] AS labels
}
RETURN kind, id, props, labels
