UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE n.retracted_at IS NULL
RETURN n.id AS id, n.type AS type
