// A page of the flagged list from the kept results of the caller's view ($view), filtered and
// sorted as the flagged query asks ($field, $desc); the entity is read in the caller's scope, so
// a potential victim's label comes back masked (and sorts as a protected person when masked).
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
WITH s, e,
  CASE $field WHEN 'SCORE' THEN s.score WHEN 'RISK_SCORE' THEN s.riskScore WHEN 'INDICATOR_SCORE' THEN s.indicatorScore WHEN 'INDICATORS' THEN size(s.indicatorIds) END AS num,
  CASE $field
    WHEN 'LABEL' THEN CASE WHEN $scope.mask AND e.potentialVictim = true AND e.type = 'PERSON' THEN 'protected person' ELSE toLower(e.label) END
    WHEN 'TYPE' THEN s.type END AS text
ORDER BY CASE WHEN $desc THEN num END DESC, CASE WHEN $desc THEN null ELSE num END ASC,
  CASE WHEN $desc THEN text END DESC, CASE WHEN $desc THEN null ELSE text END ASC,
  s.score DESC, s.id ASC
SKIP $offset
LIMIT $limit
RETURN e {.id, .type, .label, .potentialVictim} AS entity,
  s {.riskScore, .riskCombination, .riskFactorKinds, .indicatorScore, .indicatorIds, .operationIds, .score, .hits, .victims} AS result
