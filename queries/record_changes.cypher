// Append history entries; $rows come from app/history.py.
UNWIND $rows AS row
CREATE (c:Change {id: row.id, seq: row.seq, at: datetime.transaction(), batch: $batch, key_id: $key_id,
                  actor: $actor, action: row.action, kind: row.kind, target: row.target,
                  entities: row.entities, before: row.before, after: row.after, note: row.note})
RETURN count(c) AS written
