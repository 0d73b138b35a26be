// The links that pass the filter between the $ids entities and any entity in $among (ids).
// Each link once. Index: entity_id seek per id, then expansion.
// Link filter parameters (null = no restriction): $linkTypes, $entityTypes (entities in $keep
// always pass), $from/$to (validity window, ISO dates; open-ended links pass), $maxSourceEvaluation
// (1..3) and $maxAssessment ('A'..'E') for the minimum grade, $knownBefore (ISO datetime: links and
// entities recorded at or after it are hidden, "as known on"). Retired links and entities never pass.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE m.id IN $among
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
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS link
