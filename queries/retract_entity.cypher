// Retract an entity and its active relationships; they stay, with who and why,
// for history and as_recorded. The caller has checked that cascading is wanted.
MATCH (n:Entity {id: $id}) WHERE n.retracted_at IS NULL
OPTIONAL MATCH (n)-[r]-(:Entity) WHERE r.retracted_at IS NULL
WITH n, collect(r) AS active
WITH n, active, [x IN active | {id: x.id, from: startNode(x).id, to: endNode(x).id,
                                props: properties(x)}] AS before_rels, properties(n) AS before
FOREACH (x IN active |
  SET x.retracted_at = datetime.transaction(), x.retracted_by = $key_id, x.retraction_note = $note)
SET n.retracted_at = datetime.transaction(), n.retracted_by = $key_id, n.retraction_note = $note,
    n.merged_into = $merged_into
RETURN before AS props, before_rels AS rels
