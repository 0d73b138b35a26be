// How many risk profiles with a counted factor the kept results of the caller's view ($view)
// hold, filtered as the riskProfiles query asks; each person visible to the caller.
MATCH (s:ScoreResult {view: $view})
WHERE s.distinctFactors > 0
  AND (NOT $combinationOnly OR s.profileCombination)
  AND ($minScore IS NULL OR s.profileScore >= $minScore)
  AND ($factorKinds IS NULL OR any(k IN s.profileFactorKinds WHERE k IN $factorKinds))
MATCH (e:Entity {id: s.id})
WHERE NOT coalesce(e.retired, false)
  AND @visible(e)
RETURN count(*) AS n
