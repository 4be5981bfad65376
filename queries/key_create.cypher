CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, created_at: datetime()})
RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.created_at) AS created_at
