// Removes up to $limit kept results of view $view that job $job did not write (entities that no
// longer score or hit anything, or no longer exist); run until it removes none.
MATCH (s:ScoreResult {view: $view})
WHERE s.job <> $job
WITH s LIMIT $limit
DELETE s
RETURN count(*) AS n
