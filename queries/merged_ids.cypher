// Which of $ids stood merged into another entity at record time $t, and into which:
// those whose last entity change by $t was a merge. The history answers it, not
// `merged_into`, because a merged id imported again later is live now but still
// redirects for reads inside its merged period.
UNWIND $ids AS id
MATCH (c:Change {target: id}) WHERE c.kind = 'entity' AND c.at <= $t
WITH id, c ORDER BY c.at DESC, c.seq DESC
WITH id, collect(c)[0] AS last
WHERE last.action = 'merge'
RETURN id, last.entities[0] AS into
ORDER BY id
