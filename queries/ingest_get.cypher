MATCH (i:Ingest {id: $id}) RETURN properties(i) AS props
