MATCH (n:Entity {id: $id}) WHERE n.retracted_at IS NULL
RETURN properties(n) AS props
