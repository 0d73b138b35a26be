// Removes up to $limit kept results of view $view that job $job did not write (entities that no
// longer score or hit anything), or whose entity no longer exists or is retired (a resumed job
// wrote them before its entity went: removed by a statement that marked nothing, as a test
// fixture's removal does); run until it removes none.
MATCH (s:ScoreResult {view: $view})
WHERE s.job <> $job
   OR NOT EXISTS { MATCH (n:Entity {id: s.id}) WHERE NOT coalesce(n.retired, false) }
WITH s LIMIT $limit
DELETE s
RETURN count(*) AS n
