// How many flagged entities the kept results of the caller's view ($view) hold, filtered as the
// flagged query asks, counted on the (view, flagged, score) index (schema 055) without reading
// each entity: kept results are computed over the view's live entities, and a write that retires,
// removes or hides an entity marks it dirty until the worker has rescored it; so those marked
// whose entity the caller can no longer see (retired, removed, or outside the caller's scope) are
// taken off (decisions/0038).
MATCH (s:ScoreResult)
WHERE s.view = $view AND s.flagged = true AND s.score >= coalesce($minScore, 0.0)
  AND ($types IS NULL OR s.type IN $types)
  AND ($indicatorIds IS NULL OR any(i IN s.indicatorIds WHERE i IN $indicatorIds))
  AND ($operationId IS NULL OR $operationId IN s.operationIds)
  AND ($riskCombination IS NULL OR s.riskCombination = $riskCombination)
WITH count(s) AS kept
CALL () {
  MATCH (d:ScoreDirty)
  MATCH (s:ScoreResult {key: $view + '|' + d.id})
  WHERE s.flagged = true AND s.score >= coalesce($minScore, 0.0)
    AND ($types IS NULL OR s.type IN $types)
    AND ($indicatorIds IS NULL OR any(i IN s.indicatorIds WHERE i IN $indicatorIds))
    AND ($operationId IS NULL OR $operationId IN s.operationIds)
    AND ($riskCombination IS NULL OR s.riskCombination = $riskCombination)
  OPTIONAL MATCH (e:Entity {id: d.id})
  WHERE NOT coalesce(e.retired, false)
    AND @visible(e)
  WITH d WHERE e IS NULL
  RETURN count(d) AS gone
}
RETURN kept - gone AS n
