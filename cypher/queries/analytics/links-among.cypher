// Links among the given entities ($ids) for network analytics, each once, with what analytics
// weigh them by. Retired links and entities never pass. Index: entity_id seek per id, then
// expansion of its outgoing links.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]->(m:Entity)
WHERE m.id IN $ids
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
