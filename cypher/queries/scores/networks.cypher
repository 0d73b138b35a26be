// The kept suspected networks of the caller's view ($view) scoring at least $minScore, in the
// order they were found (strongest first); each of its premises must be visible to the caller.
MATCH (n:NetworkResult {view: $view})
WHERE n.score >= $minScore
  AND all(id IN n.premisesIds WHERE EXISTS {
    MATCH (e:Entity {id: id})
    WHERE NOT coalesce(e.retired, false)
      AND @visible(e)
  })
RETURN n.network AS network, n.victims AS victims
ORDER BY n.rank
