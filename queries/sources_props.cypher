// The given sources as recorded at $t (a subgraph's export names the stories it cites).
MATCH (s:Source) WHERE s.id IN $ids AND s.recorded_at <= $t
RETURN properties(s) AS props
ORDER BY s.id
