// A page of the kept suspected networks of the caller's view ($view) scoring at least $minScore,
// in the order they were found (strongest first: rank, from the view's index); each of its
// premises must be visible to the caller. Only the page's networks are read.
MATCH (n:NetworkResult {view: $view})
WHERE n.rank >= 0
  AND n.score >= $minScore
  AND all(id IN n.premisesIds WHERE EXISTS {
    MATCH (e:Entity {id: id})
    WHERE NOT coalesce(e.retired, false)
      AND @visible(e)
  })
WITH n
ORDER BY n.rank
SKIP $offset
LIMIT $limit
RETURN n.id AS id, n.score AS score, n.premisesIds AS premisesIds, n.network AS network, n.victims AS victims
