// For each target, its state just before the first change recorded after $t.
UNWIND $ids AS id
MATCH (c:Change {target: id}) WHERE c.at > $t
WITH id, c ORDER BY c.at, c.seq
WITH id, collect(c)[0] AS first
RETURN id, first.before AS before
