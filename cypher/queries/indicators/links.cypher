// Every visible link of the types the indicators look at ($linkTypes), with its dates, grading
// and sources. Retired links and entities never pass.
MATCH (n:Entity)-[r]->(m:Entity)
WHERE type(r) IN $linkTypes
  AND NOT coalesce(r.retired, false)
  AND NOT coalesce(n.retired, false)
  AND NOT coalesce(m.retired, false)
  AND @visible(n)
  AND @visible(r)
  AND @visible(m)
RETURN r {.id, .role, .validFrom, .validTo, .recordedAt, .weight, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, sourceIds: coalesce(r.sourceIds, []), type: type(r), source: n.id, target: m.id} AS link
