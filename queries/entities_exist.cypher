UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WHERE n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
  AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
RETURN id, n IS NOT NULL AS found, n.merged_into AS merged_into
