// Removes up to $limit kept entity metrics of view $view and weighting $weighted; run until it
// removes none (before writing the new ones).
MATCH (m:MetricsResult {view: $view, weighted: $weighted})
WITH m LIMIT $limit
DELETE m
RETURN count(*) AS n
