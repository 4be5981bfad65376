MATCH (n:Entity {id: $id}) WHERE n.retracted_at IS NULL
RETURN COUNT { (n)-[r]-(:Entity) WHERE r.retracted_at IS NULL } AS degree
