MATCH (n:Entity)
WHERE (size($types) = 0 OR n.type IN $types)
  AND n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
RETURN count(n) AS total
