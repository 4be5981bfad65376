MATCH (n:Entity {id: $id})
WHERE n.merged_into IS NOT NULL AND n.retracted_at <= $t
RETURN n.merged_into AS into
