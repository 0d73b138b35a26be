// Creates a link of type $type (from LINK_TYPES, ends checked by the service) between two
// visible entities, with its dates and grading, and sets the person flags it implies
// ($flagEnd names the person end: suspect, potential victim, safeguarded).
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
CREATE (a)-[x:$($type)]->(b)
SET x += $props, x.id = $id, x.sourceIds = [$sourceId], x.recordedAt = coalesce(datetime($recordedAt), datetime()),
    x.firstAt = coalesce(datetime($firstAt), x.firstAt), x.lastAt = coalesce(datetime($lastAt), x.lastAt), x.updatedAt = datetime()
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
