// One page of sources, keyset-paged by id.
MATCH (s:Source) WHERE s.id > $after
RETURN properties(s) AS props
ORDER BY s.id LIMIT $limit
