// The whole graph of the caller's view as the stored analysis reads it (decisions/0038), streamed:
// each live entity once, as indicators/nodes-by-id reads it, as a list [id, type, label, kind,
// category, status, postedOn, obscuredNumber, potentialVictim, suspect, recordedAt], with its
// outgoing links of $linkTypes to live entities as lists [id, type, target, role, validFrom,
// validTo, recordedAt, weight, sourceEvaluation, intelligenceAssessment, handlingCode,
// handlingConditions, classification, sourceIds]: what indicators/links, analytics/links and
// analytics/nodes-by-id return, in one pass. Retired links and entities never pass.
MATCH (n:Entity)
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
RETURN [n.id, n.type, n.label, n.kind, n.category, n.status, n.postedOn, n.obscuredNumber, n.potentialVictim, n.suspect, n.recordedAt] AS node,
       [(n)-[r]->(m:Entity)
        WHERE type(r) IN $linkTypes
          AND NOT coalesce(r.retired, false)
          AND NOT coalesce(m.retired, false)
          AND @visible(r)
          AND @visible(m)
        | [r.id, type(r), m.id, r.role, r.validFrom, r.validTo, r.recordedAt, r.weight, r.sourceEvaluation, r.intelligenceAssessment,
           r.handlingCode, r.handlingConditions, r.classification, coalesce(r.sourceIds, [])]] AS out
