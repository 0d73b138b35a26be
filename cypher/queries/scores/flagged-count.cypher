// How many flagged entities the kept results of the caller's view ($view) hold, filtered as the
// flagged query asks; each entity must be visible to the caller and not retired.
MATCH (s:ScoreResult {view: $view})
WHERE s.flagged
  AND ($types IS NULL OR s.type IN $types)
  AND ($indicatorIds IS NULL OR any(i IN s.indicatorIds WHERE i IN $indicatorIds))
  AND ($minScore IS NULL OR s.score >= $minScore)
  AND ($operationId IS NULL OR $operationId IN s.operationIds)
  AND ($riskCombination IS NULL OR s.riskCombination = $riskCombination)
MATCH (e:Entity {id: s.id})
WHERE NOT coalesce(e.retired, false)
  AND @visible(e)
RETURN count(*) AS n
