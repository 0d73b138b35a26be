// How many kept suspected networks of the caller's view ($view) score at least $minScore with
// every premises visible to the caller (the total beside a page of scores/networks).
MATCH (n:NetworkResult {view: $view})
WHERE n.score >= $minScore
  AND all(id IN n.premisesIds WHERE EXISTS {
    MATCH (e:Entity {id: id})
    WHERE NOT coalesce(e.retired, false)
      AND @visible(e)
  })
RETURN count(n) AS n
