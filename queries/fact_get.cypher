// One relationship (a fact) by id, as recorded at $t. Fact ids are "<from>--<type>--<to>"
// unless a batch chose one, so $from anchors the match on the subject's id index;
// fact_scan.cypher is the fallback for chosen ids.
MATCH (a:Entity {id: $from})-[r]->(b:Entity)
WHERE r.id = $id
  AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
RETURN properties(r) AS props, type(r) AS type,
       {id: a.id, name: a.name, type: a.type} AS subject, {id: b.id, name: b.name, type: b.type} AS object
