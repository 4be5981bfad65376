// An entity's relationships (those valid on $as_of, undated kept) as a timeline window: dated first, by day (the
// relationship's valid_from, else the other entity's date, else valid_to), then
// undated, each by type, the other entity's name and id, so pages are stable.
// `dated` and `total` count everything as recorded at $t; `rels` holds the window
// $offset .. $offset + $limit (all when $limit is null). As in entity_get, the sort
// reads only the day and names; properties are read for the window alone, so a
// country's timeline (thousands of dated facts) is a page, not megabytes. Of the
// entity, the answer shows only id, name, type and lifecycle (a past $t reverts them from the
// history by id). Each relationship's `recorded_at` comes as its parts, as in entity_get
// with $stamps (app.storage.unstamp).
MATCH (n:Entity {id: $id})
WHERE n.recorded_at <= $t AND (n.retracted_at IS NULL OR n.retracted_at > $t)
  AND size([g IN coalesce(n.retracted_between, []) WHERE g <= $t]) % 2 = 0
OPTIONAL MATCH (n)-[r]-(m:Entity)
WHERE r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND m.recorded_at <= $t AND (m.retracted_at IS NULL OR m.retracted_at > $t)
  AND size([g IN coalesce(m.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                          AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
WITH n, r, m, toString(coalesce(r.valid_from, m.date, r.valid_to)) AS day
ORDER BY day IS NULL, day, type(r), m.name, r.id
WITH n, collect(CASE WHEN r IS NOT NULL THEN {r: r, m: m, day: day} END) AS entries
WITH n, entries, size([x IN entries WHERE x.day IS NOT NULL]) AS dated,
     CASE WHEN $limit IS NULL THEN entries ELSE entries[$offset..$offset + $limit] END AS window
RETURN n {.id, .name, .type, .lifecycle} AS props,
       dated, size(entries) AS total,
       [x IN window | {
         type: type(x.r),
         direction: CASE WHEN startNode(x.r) = n THEN 'out' ELSE 'in' END,
         props: head([r IN [x.r] | r {.*, recorded_at: head([at IN [r.recorded_at] |
                   [at.year, at.month, at.day, at.hour, at.minute, at.second, at.nanosecond,
                    at.offsetSeconds]])}]),
         other: {id: x.m.id, name: x.m.name, type: x.m.type, date: x.m.date, date_text: x.m.date_text}
       }] AS rels
