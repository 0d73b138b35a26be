// Risk-factor evidence of the given people ($ids), those visible to the caller; a visible person
// without any comes back with an empty list. Index: entity_id seek per id.
UNWIND $ids AS id
MATCH (p:Entity {id: id})
WHERE p:Person
  AND NOT coalesce(p.retired, false)
  AND @visible(p)
OPTIONAL MATCH (p)-[r:HAS_RISK_FACTOR|INVOLVED_IN]->(f:Entity)
WHERE NOT coalesce(r.retired, false)
  AND NOT coalesce(f.retired, false)
  AND @visible(r)
  AND @visible(f)
WITH p, collect(CASE WHEN r IS NULL THEN null ELSE {
  origin: CASE type(r) WHEN 'HAS_RISK_FACTOR' THEN 'RISK_FACTOR' ELSE 'OFFENCE' END,
  linkId: r.id, role: r.role, linkRecordedAt: r.recordedAt, linkValidFrom: r.validFrom,
  linkGrading: r {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification},
  linkSourceIds: coalesce(r.sourceIds, []),
  entityId: f.id, entityLabel: f.label, kind: coalesce(f.kind, f.category), status: f.status,
  date: coalesce(f.recordedOn, f.occurredOn),
  entityGrading: f {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification},
  entitySourceIds: coalesce(f.sourceIds, [])
} END) AS evidence
RETURN p {.id, .type, .label, .potentialVictim} AS person, evidence
ORDER BY person.id
