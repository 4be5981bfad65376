// fact_get.cypher for a fact whose id does not start with its subject's: a scan, bounded
// by the read deadline (every seed and generated fact has a derived id).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id = $id
  AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
RETURN properties(r) AS props, type(r) AS type,
       {id: a.id, name: a.name, type: a.type} AS subject, {id: b.id, name: b.name, type: b.type} AS object
LIMIT 1
