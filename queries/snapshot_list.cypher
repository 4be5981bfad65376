// Snapshots, newest first; with $root, those holding that entity among their roots.
MATCH (s:Snapshot) WHERE $root IS NULL OR $root IN s.roots
RETURN properties(s) AS props
ORDER BY s.recorded_at DESC, s.id
SKIP $offset LIMIT $limit
