// One entity with its relationships to other entities, both directions, as recorded
// at $t and valid on $as_of (undated ones kept, as everywhere), grouped by type and ordered by the other entity's name. `counts` has each
// type's total; `rels` holds at most $per_type of each type (all when it is null), so
// a country with 14,000 relationships is a page, not megabytes. Each group collects
// only references; properties are read for the relationships returned.
// With $stamps, each `recorded_at` comes as its parts, [year, month, day, hour, minute,
// second, nanosecond, offsetSeconds] (app.storage.unstamp): a DateTime costs the driver
// ~50 µs to hydrate, eight integers next to nothing. The JSON read asks for them; RDF
// documents and merges take DateTimes. `[v IN [x] | ...]` names x, as a map projection
// needs a variable.
MATCH (n:Entity {id: $id})
WHERE n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
  AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
OPTIONAL MATCH (n)-[r]-(m:Entity)
WHERE r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                          AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND m.recorded_at <= $t AND (m.retracted_at IS NULL OR m.retracted_at > $t)
  AND size([g IN coalesce(m.retracted_between, []) WHERE g <= $t]) % 2 = 0
WITH n, r, m ORDER BY type(r), m.name
WITH n, type(r) AS type, collect(CASE WHEN r IS NOT NULL THEN {r: r, m: m} END) AS group
ORDER BY type
WITH n, collect(CASE WHEN type IS NOT NULL THEN {
  type: type, total: size(group),
  shown: CASE WHEN $per_type IS NULL THEN group ELSE group[0..$per_type] END} END) AS groups
RETURN CASE WHEN $stamps
         THEN n {.*, recorded_at: head([at IN [n.recorded_at] | [at.year, at.month, at.day,
                   at.hour, at.minute, at.second, at.nanosecond, at.offsetSeconds]])}
         ELSE properties(n) END AS props,
       [g IN groups | {type: g.type, count: g.total}] AS counts,
       reduce(acc = [], g IN groups | acc + [x IN g.shown | {
         type: g.type,
         direction: CASE WHEN startNode(x.r) = n THEN 'out' ELSE 'in' END,
         props: CASE WHEN $stamps
                THEN head([r IN [x.r] | r {.*, recorded_at: head([at IN [r.recorded_at] |
                          [at.year, at.month, at.day, at.hour, at.minute, at.second, at.nanosecond,
                           at.offsetSeconds]])}])
                ELSE properties(x.r) END,
         other: {id: x.m.id, name: x.m.name, type: x.m.type, date: x.m.date, date_text: x.m.date_text}
       }]) AS rels
