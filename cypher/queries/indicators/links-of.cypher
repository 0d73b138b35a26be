// The visible links of the types the indicators look at ($linkTypes) that touch the given
// entities ($ids), each once, in either direction. Index: entity_id seek per id, then expansion.
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r]-(y:Entity)
WHERE type(r) IN $linkTypes
  AND NOT coalesce(r.retired, false)
  AND NOT coalesce(x.retired, false)
  AND NOT coalesce(y.retired, false)
  AND @visible(x)
  AND @visible(r)
  AND @visible(y)
WITH DISTINCT r
WITH r, startNode(r) AS n, endNode(r) AS m
RETURN r {.id, .role, .validFrom, .validTo, .recordedAt, .weight, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, sourceIds: coalesce(r.sourceIds, []), type: type(r), source: n.id, target: m.id} AS link
