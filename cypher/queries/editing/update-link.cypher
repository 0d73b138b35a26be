// Changes a link found from its source entity ($fromId) and its element id (looked up by entity/link-by-id in the same
// transaction): $props to set (null removes), the source that says so, its grading and the person
// flags its new role implies.
MATCH (a:Entity {id: $fromId})-[x]->(b)
WHERE elementId(x) = $elementId
SET x += $props, x.updatedAt = datetime(),
    x.sourceIds = CASE WHEN $sourceId IN coalesce(x.sourceIds, []) THEN x.sourceIds ELSE coalesce(x.sourceIds, []) + $sourceId END
WITH a, b, x
CALL (x) {
  MATCH (s:SourceRecord)
  WHERE s.id IN x.sourceIds
  WITH x, min(s.sourceEvaluation) AS se, min(s.intelligenceAssessment) AS ia, collect(s.handlingCode) AS codes,
       collect(s.handlingConditions) AS conditions, collect(s.classification) AS classes
  SET x.sourceEvaluation = se,
      x.intelligenceAssessment = ia,
      x.handlingCode = CASE WHEN "C" IN codes THEN "C" ELSE "P" END,
      x.handlingConditions = CASE WHEN "C" IN codes AND size(conditions) > 0 THEN reduce(t = head(conditions), c IN tail(conditions) | t + "; " + c) END,
      x.classification = CASE WHEN "OFFICIAL-SENSITIVE" IN classes THEN "OFFICIAL-SENSITIVE" ELSE "OFFICIAL" END
}
WITH a, b, x
CALL (a, b) {
  WITH CASE $flagEnd WHEN "source" THEN a WHEN "target" THEN b END AS p
  WITH p
  WHERE p IS NOT NULL
  SET p.suspect = coalesce(p.suspect, false) OR $suspect,
      p.potentialVictim = coalesce(p.potentialVictim, false) OR $potentialVictim,
      p.safeguarded = coalesce(p.safeguarded, false) OR $safeguarded,
      p.updatedAt = datetime()
}
RETURN x {.*, type: type(x), source: a.id, target: b.id} AS link
