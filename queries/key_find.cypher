MATCH (k:ApiKey {id: $id}) WHERE k.revoked_at IS NULL
RETURN k.id AS id, k.name AS name, k.role AS role, k.hash AS hash
