// Every change to an entity and to the relationships it takes part in, oldest first.
MATCH (c:Change) WHERE c.target = $id OR $id IN c.entities
RETURN c.id AS id, toString(c.at) AS at, c.batch AS batch, c.key_id AS key_id, c.actor AS actor,
       c.action AS action, c.kind AS kind, c.target AS target, c.before AS before,
       c.after AS after, c.note AS note
ORDER BY c.at, c.seq
