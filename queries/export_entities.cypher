// One page of the entities published at record time $t (far future: now), keyset-paged
// by id. Their relationships come from export_relationships, paged on their own so a hub
// cannot swell one page. `recorded_at` comes as its parts (codec.stamp_datetime).
MATCH (n:Entity) WHERE n.id > $after
  AND n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
  AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, n {.*, recorded_at: head([at IN [n.recorded_at] | [at.year, at.month, at.day, at.hour, at.minute, at.second,
                 at.nanosecond, at.offsetSeconds]])} AS props
