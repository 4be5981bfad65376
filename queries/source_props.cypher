// A source as recorded at $t (sources are never retracted; they exist from their record time).
MATCH (s:Source {id: $id}) WHERE s.recorded_at <= $t
RETURN properties(s) AS props
