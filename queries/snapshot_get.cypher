MATCH (s:Snapshot {id: $id})
RETURN properties(s) AS props
