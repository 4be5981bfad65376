// One page of the relationships published at record time $t and valid on $as_of (null:
// any day; undated facts are kept, as everywhere), keyset-paged by (start id, fact id):
// the id index gives the start nodes in order, so each page reads only its own rows, and
// a hub's thousands of relationships spread over pages. `recorded_at` comes as its parts
// (codec.stamp_datetime: the driver's DateTime hydration was half the dump's reading).
MATCH (n:Entity) WHERE n.id >= $after_from
  AND n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
  AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
WITH n ORDER BY n.id
MATCH (n)-[r]->(m:Entity)
WHERE (n.id > $after_from OR r.id > $after_id)
  AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND m.recorded_at <= $t AND (m.retracted_at IS NULL OR m.retracted_at > $t)
  AND size([g IN coalesce(m.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                          AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
WITH n, r, m ORDER BY n.id, r.id LIMIT $limit
RETURN n.id AS from, r.id AS id, type(r) AS type, m.id AS to, r {.*, recorded_at: head([at IN [r.recorded_at] | [at.year, at.month, at.day, at.hour, at.minute, at.second,
                 at.nanosecond, at.offsetSeconds]])} AS props,
       n.type AS from_type, m.type AS to_type  // the FollowTheMoney export maps by them
