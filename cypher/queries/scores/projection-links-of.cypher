// The live visible links of $linkTypes (the suspected networks' projection) that touch the given
// entities ($ids), each once, in either direction, as analytics/links reads them, with both ends
// as analytics/nodes-by-id reads them: the incremental round's read around the premises whose
// networks a change can alter (decisions/0038). Index: entity_id seek per id, then expansion.
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
RETURN r.id AS id, type(r) AS type, n.id AS source, m.id AS target, r.role AS role,
       r.validFrom AS validFrom, r.validTo AS validTo, r.weight AS weight,
       r.sourceEvaluation AS sourceEvaluation, r.intelligenceAssessment AS intelligenceAssessment,
       n {.id, .type, .label, .kind, .potentialVictim, .postedOn} AS sourceNode,
       m {.id, .type, .label, .kind, .potentialVictim, .postedOn} AS targetNode
