MATCH (m:SchemaMeta {key: 'schema'})
RETURN m.version AS version, m.checksum AS checksum, toString(m.applied_at) AS applied_at
