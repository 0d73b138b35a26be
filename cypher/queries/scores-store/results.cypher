// Every kept result of view $view (the exactness test and the benchmark compare them).
MATCH (s:ScoreResult {view: $view})
RETURN s {.*} AS result
ORDER BY s.id
