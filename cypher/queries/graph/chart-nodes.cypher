// Entities by id with their degree, as the chart draws them; retired ones left out.
// Entities and links come as the chart draws them: only the properties GraphNode and GraphEdge
// resolve from (CHART_NODE_PROPERTIES and CHART_LINK_PROPERTIES in entity.mapper.ts; a unit test
// keeps them in step), not every property (the entity module serves the rest).
// Index: entity_id seek per id.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
RETURN n {.id, .type, .label, .potentialVictim, .suspect, .safeguarded, .riskScore, .kind, .category, .lineType, dateOfBirth: toString(n.dateOfBirth), .nationalities, .town, .e164, .colour, .make, .model, .companyNumber, .status, occurredOn: toString(n.occurredOn), .outcome, .site, postedOn: toString(n.postedOn), .sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification, recordedAt: toString(n.recordedAt), degree: @visibleDegree(n)} AS node
