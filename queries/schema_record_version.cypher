// Record the applied schema version; touch the node only when something changed.
MERGE (m:SchemaMeta {key: 'schema'})
WITH m, (m.version IS NULL OR m.version <> $version OR m.checksum <> $checksum) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET m.version = $version, m.checksum = $checksum, m.applied_at = datetime())
RETURN m.version AS version, m.checksum AS checksum, toString(m.applied_at) AS applied_at,
       changed
