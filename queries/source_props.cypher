MATCH (s:Source {id: $id})
RETURN properties(s) AS props
