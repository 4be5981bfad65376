MATCH (k:ApiKey {id: $id}) WHERE k.revoked_at IS NULL
SET k.revoked_at = datetime()
RETURN k.id AS id
