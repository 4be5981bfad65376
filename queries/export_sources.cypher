// One page of sources recorded by $t, keyset-paged by id. `recorded_at` comes as its parts
// (codec.stamp_datetime; a DateTime costs the driver ~50 µs to hydrate, see entity_get).
MATCH (s:Source) WHERE s.id > $after AND s.recorded_at <= $t
RETURN s {.*, recorded_at: head([at IN [s.recorded_at] | [at.year, at.month, at.day, at.hour, at.minute, at.second,
                 at.nanosecond, at.offsetSeconds]])} AS props
ORDER BY s.id LIMIT $limit
