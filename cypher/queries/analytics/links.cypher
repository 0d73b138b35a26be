// Links among every visible entity for network analytics, only of $linkTypes when given, with
// what analytics weigh them by (grading, validity, weight such as sightings). Retired links and
// entities never pass.
MATCH (n:Entity)-[r]->(m:Entity)
WHERE ($linkTypes IS NULL OR type(r) IN $linkTypes)
  AND NOT coalesce(r.retired, false)
  AND NOT coalesce(n.retired, false)
  AND NOT coalesce(m.retired, false)
  AND @visible(n)
  AND @visible(r)
  AND @visible(m)
RETURN r.id AS id, type(r) AS type, n.id AS source, m.id AS target, r.role AS role,
       r.validFrom AS validFrom, r.validTo AS validTo, r.weight AS weight,
       r.sourceEvaluation AS sourceEvaluation, r.intelligenceAssessment AS intelligenceAssessment
ORDER BY id
