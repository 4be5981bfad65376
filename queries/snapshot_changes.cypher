// What the history recorded after $t about a snapshot's entities and facts ($targets),
// and new relationships touching its roots: a correction's worklist.
MATCH (c:Change) WHERE c.at > $t
  AND (c.target IN $targets OR (c.action = 'create' AND c.kind = 'relationship'
                                 AND any(e IN coalesce(c.entities, []) WHERE e IN $roots)))
RETURN c.action AS action, c.kind AS kind, c.target AS target, toString(c.at) AS at
ORDER BY c.at, c.seq
LIMIT 1000
