// How many kept suspected networks of the caller's view ($view) score at least $minScore with
// every premises visible to the caller (the total beside a page of scores/networks), without
// reading each premises: kept networks are computed over the view's live entities, and a write
// that retires, removes or hides a premises marks it dirty until the worker has recomputed the
// networks; so networks holding a premises so marked that the caller can no longer see are taken
// off (decisions/0038).
CALL () {
  MATCH (d:ScoreDirty)
  OPTIONAL MATCH (e:Entity {id: d.id})
  WHERE NOT coalesce(e.retired, false)
    AND @visible(e)
  WITH d WHERE e IS NULL
  RETURN collect(d.id) AS gone
}
MATCH (n:NetworkResult)
WHERE n.view = $view AND n.score >= $minScore
RETURN count(n) - count(CASE WHEN size(gone) > 0 AND any(p IN n.premisesIds WHERE p IN gone) THEN 1 END) AS n
