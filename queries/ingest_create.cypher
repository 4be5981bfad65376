// Store an ingest's proposals once; the same text again finds the stored one.
MERGE (i:Ingest {id: $id})
ON CREATE SET i += $props
RETURN i.created_at = $props.created_at AS created
