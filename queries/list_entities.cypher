MATCH (n:Entity)
WHERE (size($types) = 0 OR n.type IN $types)
  AND n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
  AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND ($as_of IS NULL OR coalesce(n.date, n.date_signed) IS NULL
       OR toString(coalesce(n.date, n.date_signed)) <= toString($as_of))  // dated later: not yet on $as_of
WITH n ORDER BY n.name, n.id SKIP $offset LIMIT $limit
RETURN n.id AS id, n.name AS name, n.type AS type, coalesce(n.aliases, []) AS aliases,
       n.description AS description, null AS score
