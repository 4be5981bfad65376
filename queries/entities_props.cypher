// The stored properties of the given entities as recorded at $t, by id (a subgraph's
// export needs their names, aliases and descriptions, not only its refs).
MATCH (n:Entity) WHERE n.id IN $ids
  AND n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
  AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
RETURN properties(n) AS props
ORDER BY n.id
