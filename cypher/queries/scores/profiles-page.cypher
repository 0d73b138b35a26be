// A page of risk profiles from the kept results of the caller's view ($view), highest score
// first; the person is read in the caller's scope (masked).
MATCH (s:ScoreResult {view: $view})
WHERE s.distinctFactors > 0
  AND (NOT $combinationOnly OR s.profileCombination)
  AND ($minScore IS NULL OR s.profileScore >= $minScore)
  AND ($factorKinds IS NULL OR any(k IN s.profileFactorKinds WHERE k IN $factorKinds))
MATCH (e:Entity {id: s.id})
WHERE NOT coalesce(e.retired, false)
  AND @visible(e)
WITH s, e
ORDER BY s.profileScore DESC, s.id ASC
SKIP $offset
LIMIT $limit
RETURN e {.id, .type, .label, .potentialVictim} AS entity, s.profile AS profile, s.victims AS victims
