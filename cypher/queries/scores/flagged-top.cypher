// A page of the flagged list in the default order (score, highest first; ties by id) from the
// kept results of the caller's view ($view), filtered as the flagged query asks: read in the
// order of the (view, flagged, score) index (schema 055), so that only the page and the ties of
// its last score are read, not every flagged entity (decisions/0038). The entity is read in the
// caller's scope, so a potential victim's label comes back masked.
MATCH (s:ScoreResult)
WHERE s.view = $view AND s.flagged = true AND s.score >= coalesce($minScore, 0.0)
  AND ($types IS NULL OR s.type IN $types)
  AND ($indicatorIds IS NULL OR any(i IN s.indicatorIds WHERE i IN $indicatorIds))
  AND ($operationId IS NULL OR $operationId IN s.operationIds)
  AND ($riskCombination IS NULL OR s.riskCombination = $riskCombination)
MATCH (e:Entity {id: s.id})
WHERE NOT coalesce(e.retired, false)
  AND @visible(e)
WITH s, e
ORDER BY s.view DESC, s.flagged DESC, s.score DESC, s.id ASC
SKIP $offset
LIMIT $limit
RETURN e {.id, .type, .label, .potentialVictim} AS entity,
  s {.riskScore, .riskCombination, .riskFactorKinds, .indicatorScore, .indicatorIds, .operationIds, .score, .hits, .victims} AS result
