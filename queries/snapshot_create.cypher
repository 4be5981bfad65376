// Store a snapshot once: its id derives from its content's hash, so the same content is
// the same snapshot (the first title stays). `created` says whether this call made it.
MERGE (s:Snapshot {id: $id})
ON CREATE SET s += $props, s.fresh = true
WITH s, coalesce(s.fresh, false) AS created
REMOVE s.fresh
RETURN properties(s) AS props, created
