// One page of sources recorded by $t, keyset-paged by id.
MATCH (s:Source) WHERE s.id > $after AND s.recorded_at <= $t
RETURN properties(s) AS props
ORDER BY s.id LIMIT $limit
