// One entity with every relationship to another entity, both directions, as
// recorded at $t. The other end carries its date fields for the timeline.
MATCH (n:Entity {id: $id})
WHERE n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
OPTIONAL MATCH (n)-[r]-(m:Entity)
WHERE r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND m.recorded_at <= $t AND (m.retracted_at IS NULL OR m.retracted_at > $t)
WITH n, r, m ORDER BY type(r), m.name
RETURN properties(n) AS props,
       collect(CASE WHEN r IS NULL THEN null ELSE {
         type: type(r),
         direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
         props: properties(r),
         other: {id: m.id, name: m.name, type: m.type, date: m.date, date_text: m.date_text}
       } END) AS rels
