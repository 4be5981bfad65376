// Per relationship type and direction, how many neighbors an expansion would bring
// (before any filter), as Aleph shows them.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-(:Entity)
WITH n, type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
     count(r) AS count
ORDER BY count DESC, type
RETURN n {.id, .name, .type} AS center,
       collect(CASE WHEN type IS NULL THEN null
               ELSE {type: type, direction: direction, count: count} END) AS counts
