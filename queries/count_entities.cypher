MATCH (n:Entity)
WHERE size($types) = 0 OR n.type IN $types
RETURN count(n) AS total
