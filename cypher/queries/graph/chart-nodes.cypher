// Entities by id with their degree, as the chart draws them; retired ones left out.
// Entities and links come as the chart draws them: only the properties GraphNode and GraphEdge
// resolve from (CHART_NODE_PROPERTIES and CHART_LINK_PROPERTIES in entity.mapper.ts; a unit test
// keeps them in step), not every property (the entity module serves the rest).
// Index: entity_id seek per id.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
RETURN n {.id, .type, .label, .subtitle, .cardKind, .potentialVictim, .suspect, .safeguarded, .riskScore, .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(n.recordedAt), degree: @visibleDegree(n)} AS node
