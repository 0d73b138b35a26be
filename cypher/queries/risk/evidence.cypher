// Risk-factor evidence of every visible person: the risk factors recorded for them and the
// offences they are involved in, each with the grading and sources of the link and the entity.
// People without any are left out. Retired links and entities never pass.
MATCH (p:Entity:Person)-[r:HAS_RISK_FACTOR|INVOLVED_IN]->(f:Entity)
WHERE NOT coalesce(p.retired, false)
  AND NOT coalesce(r.retired, false)
  AND NOT coalesce(f.retired, false)
  AND @visible(p)
  AND @visible(r)
  AND @visible(f)
WITH p, collect({
  origin: CASE type(r) WHEN 'HAS_RISK_FACTOR' THEN 'RISK_FACTOR' ELSE 'OFFENCE' END,
  linkId: r.id, role: r.role, linkRecordedAt: r.recordedAt, linkValidFrom: r.validFrom,
  linkGrading: r {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification},
  linkSourceIds: coalesce(r.sourceIds, []),
  entityId: f.id, entityLabel: f.label, kind: coalesce(f.kind, f.category), status: f.status,
  date: coalesce(f.recordedOn, f.occurredOn),
  entityGrading: f {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification},
  entitySourceIds: coalesce(f.sourceIds, [])
}) AS evidence
RETURN p {.id, .type, .label, .potentialVictim} AS person, evidence
ORDER BY person.id
