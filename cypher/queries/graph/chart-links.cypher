// The links that pass the filter between the $ids entities and any entity in $among (ids), as
// the chart draws them: the workspace's one read of "every link among what is on the chart"
// after entities are added ($ids: the added ones, $among: all on the chart). Each link once;
// entities that are missing, retired or out of the caller's scope are passed over, not named.
// Links come as the chart draws them: only the properties GraphEdge resolves from
// (CHART_LINK_PROPERTIES in entity.mapper.ts; a unit test keeps them in step).
// Index: entity_id seek per id, then expansion of its links; $among is tested as a set.
// Link filter parameters (null = no restriction): $linkTypes, $from/$to (validity window, ISO
// dates; open-ended links pass), $maxSourceEvaluation (1..3) and $maxAssessment ('A'..'E') for
// the minimum grade, $knownBefore (ISO datetime: links recorded at or after it are hidden, "as
// known on"). Retired links and entities never pass.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE m.id IN $among
  AND NOT coalesce(n.retired, false)
  AND NOT coalesce(m.retired, false)
  AND NOT coalesce(r.retired, false)
  AND @visible(n)
  AND @visible(r)
  AND @visible(m)
  AND ($linkTypes IS NULL OR type(r) IN $linkTypes)
  AND ($from IS NULL OR coalesce(r.validTo >= date($from), true))
  AND ($to IS NULL OR coalesce(r.validFrom <= date($to), true))
  AND ($maxSourceEvaluation IS NULL OR r.sourceEvaluation <= $maxSourceEvaluation)
  AND ($maxAssessment IS NULL OR r.intelligenceAssessment <= $maxAssessment)
  AND ($knownBefore IS NULL OR coalesce(r.recordedAt < datetime($knownBefore), true))
WITH DISTINCT r
RETURN r {.id, .role, validFrom: toString(r.validFrom), validTo: toString(r.validTo), recordedAt: toString(r.recordedAt), .weight, .count, firstAt: toString(r.firstAt), lastAt: toString(r.lastAt), .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, type: type(r), source: startNode(r).id, target: endNode(r).id} AS link
