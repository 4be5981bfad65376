// One entity with every relationship to another entity, both directions.
// The other end carries its date fields so the timeline can reuse this query.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-(m:Entity)
WITH n, r, m ORDER BY type(r), m.name
RETURN properties(n) AS props,
       collect(CASE WHEN r IS NULL THEN null ELSE {
         type: type(r),
         direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
         props: properties(r),
         other: {id: m.id, name: m.name, type: m.type, date: m.date, date_text: m.date_text}
       } END) AS rels
