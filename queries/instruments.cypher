// Agreements or policies ($kind), by name, with every linked entity, and the countries
// behind each link: the entity itself, the country an organization is part of, or the
// country in which a person holds a post (Biden's asylum rule is a United States policy).
// Status comes from each one's lifecycle, so the status filter is applied by the caller.
MATCH (a:Entity)
WHERE a.type = $kind
  AND a.recorded_at <= $t AND (a.retracted_at IS NULL OR a.retracted_at > $t)
  AND size([g IN coalesce(a.retracted_between, []) WHERE g <= $t]) % 2 = 0
OPTIONAL MATCH (a)-[r]-(m:Entity)
WHERE ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                          AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))
  AND r.recorded_at <= $t AND (r.retracted_at IS NULL OR r.retracted_at > $t)
  AND size([g IN coalesce(r.retracted_between, []) WHERE g <= $t]) % 2 = 0
  AND m.recorded_at <= $t AND (m.retracted_at IS NULL OR m.retracted_at > $t)
  AND size([g IN coalesce(m.retracted_between, []) WHERE g <= $t]) % 2 = 0
OPTIONAL MATCH (m)-[po:PART_OF]->(c:Country)
WHERE po.recorded_at <= $t AND (po.retracted_at IS NULL OR po.retracted_at > $t)
  AND size([g IN coalesce(po.retracted_between, []) WHERE g <= $t]) % 2 = 0
WITH a, r, m, collect(c.id) AS via
OPTIONAL MATCH (m)-[hp:HOLDS_POST]->(:Post)-[pi:POST_IN]->(pc:Country)
WHERE all(x IN [hp, pi] WHERE x.recorded_at <= $t AND (x.retracted_at IS NULL OR x.retracted_at > $t)
          AND size([g IN coalesce(x.retracted_between, []) WHERE g <= $t]) % 2 = 0
          AND ($as_of IS NULL OR ((x.valid_from IS NULL OR x.valid_from <= $as_of)
                                  AND (x.valid_to IS NULL OR x.valid_to >= $as_of))))
WITH a, r, m, via, collect(pc.id) AS held
WITH a, r, m, via + held AS via
WITH a, collect(CASE WHEN r IS NULL THEN null ELSE {
       type: type(r), direction: CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END,
       props: properties(r), other: m {.id, .name, .type}} END) AS rels,
     reduce(acc = [], x IN collect(CASE WHEN m.type = 'Country' THEN [m.id] ELSE via END) | acc + x)
       AS countries
WHERE $country IS NULL OR $country IN countries
RETURN properties(a) AS props, rels, countries
ORDER BY a.name
SKIP $offset LIMIT $limit
