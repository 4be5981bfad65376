MATCH (a:Entity)-[r {id: $id}]->(b:Entity) WHERE r.retracted_at IS NULL
SET r.retracted_at = datetime.transaction(), r.retracted_by = $key_id, r.retraction_note = $note
RETURN properties(r) AS props, a.id AS from, b.id AS to
