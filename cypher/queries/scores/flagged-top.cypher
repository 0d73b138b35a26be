// A page of the flagged list in the default order (score, highest first; ties by id) from the
// kept results of the caller's view ($view), filtered as the flagged query asks: the first $scan
// results in the order of the (view, flagged, score) index (schema 055), so that only those are
// read, not every flagged entity, then those whose entity the caller may see and is not retired,
// paged (decisions/0038); `scanned` says how many were read. When fewer than a page come back
// and the scan did not reach the end, the caller scans further (scores.repository.ts). The entity is read in the caller's scope, so a potential victim's
// label comes back masked.
MATCH (s:ScoreResult)
WHERE s.view = $view AND s.flagged = true AND s.score >= coalesce($minScore, 0.0)
  AND ($types IS NULL OR s.type IN $types)
  AND ($indicatorIds IS NULL OR any(i IN s.indicatorIds WHERE i IN $indicatorIds))
  AND ($operationId IS NULL OR $operationId IN s.operationIds)
  AND ($riskCombination IS NULL OR s.riskCombination = $riskCombination)
WITH s
ORDER BY s.view DESC, s.flagged DESC, s.score DESC, s.id ASC
LIMIT $scan
WITH collect(s) AS candidates
UNWIND candidates AS s
MATCH (e:Entity {id: s.id})
WHERE NOT coalesce(e.retired, false)
  AND @visible(e)
WITH size(candidates) AS scanned, s, e
ORDER BY s.score DESC, s.id ASC
SKIP $offset
LIMIT $limit
RETURN scanned, e {.id, .type, .label, .potentialVictim} AS entity,
  s {.riskScore, .riskCombination, .riskFactorKinds, .indicatorScore, .indicatorIds, .operationIds, .score, .hits, .victims} AS result
