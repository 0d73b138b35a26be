// Sets an entity's shaped properties (null removes one), adds the source record that says so and
// recomputes its best grading.
MATCH (x:Entity {id: $id})
WHERE NOT coalesce(x.retired, false)
SET x += $props, x.label = $display, x.searchText = $searchText, x.updatedAt = datetime(),
    x.sourceIds = CASE WHEN $sourceId IN coalesce(x.sourceIds, []) THEN x.sourceIds ELSE coalesce(x.sourceIds, []) + $sourceId END
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
RETURN x {.*, searchText: null, degree: COUNT { (x)--() }} AS entity
