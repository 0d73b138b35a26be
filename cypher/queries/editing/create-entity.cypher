// Creates an entity with its type label (from the closed list in model.ts, checked by the
// service), shaped properties, and its best grading from its source record.
CREATE (x:Entity {id: $id})
SET x:$($label), x += $props, x.type = $type, x.label = $display, x.searchText = $searchText,
    x.sourceIds = [$sourceId], x.recordedAt = datetime(), x.updatedAt = datetime()
WITH x
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
RETURN x {.*, searchText: null, degree: 0} AS entity
