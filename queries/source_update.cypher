MATCH (s:Source {id: $id})
WITH s, properties(s) AS before
SET s += $changes
RETURN before, properties(s) AS after
