// Which of $ids were merged into another entity by record time $t, and into which.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.merged_into IS NOT NULL AND n.retracted_at <= $t
RETURN id, n.merged_into AS into
ORDER BY id
