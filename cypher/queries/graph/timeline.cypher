// The dated links (stays, phone use, calls, ...) and the dated event entities (visits, offences,
// referrals, operations, adverts, risk factors) touching the $ids entities, in date order.
// An event overlaps [$from, $to] when it starts on or before $to and ends on or after $from
// (a link without an end date is ongoing; an event entity without one lasts its day).
// $knownBefore hides links and events recorded at or after it. The ends come as maps ({id, type, label, ...})
// so that the gateway can mask potential victims among them.
UNWIND $ids AS tid
MATCH (n:Entity {id: tid})
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT coalesce(r.retired, false) AND NOT coalesce(m.retired, false)
    AND @visible(r) AND @visible(m)
    AND (r.validFrom IS NOT NULL OR r.validTo IS NOT NULL OR r.firstAt IS NOT NULL)
    AND ($knownBefore IS NULL OR coalesce(r.recordedAt < datetime($knownBefore), true))
  WITH r, startNode(r) AS s, endNode(r) AS t
  RETURN r.id AS id, type(r) AS kind, date(coalesce(r.validFrom, r.firstAt, r.validTo)) AS date,
         date(coalesce(r.validTo, r.lastAt)) AS endDate, s {.id, .type, .label, .potentialVictim, .dateOfBirth} AS fromNode, t {.id, .type, .label, .potentialVictim, .dateOfBirth} AS toNode,
         r.role AS role, [s.id, t.id] AS entityIds, r.id AS linkId, null AS entityId,
         r {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification} AS grading
  UNION
  MATCH (n)-[r]-(e)
  WHERE e.type IN ['VISIT', 'OFFENCE', 'REFERRAL', 'OPERATION', 'ADVERT', 'RISK_FACTOR']
    AND NOT coalesce(r.retired, false) AND NOT coalesce(e.retired, false)
    AND @visible(r) AND @visible(e)
    AND ($knownBefore IS NULL OR coalesce(e.recordedAt < datetime($knownBefore), true))
  RETURN e.id AS id, e.type AS kind, date(coalesce(e.visitedOn, e.occurredOn, e.referredOn, e.startDate, e.postedOn, e.recordedOn)) AS date, date(e.endDate) AS endDate,
         e {.id, .type, .label, .potentialVictim, .dateOfBirth} AS fromNode, null AS toNode, null AS role, [e.id, n.id] AS entityIds, null AS linkId, e.id AS entityId,
         e {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification} AS grading
  UNION
  WITH n
  WHERE n.type IN ['VISIT', 'OFFENCE', 'REFERRAL', 'OPERATION', 'ADVERT', 'RISK_FACTOR']
    AND ($knownBefore IS NULL OR coalesce(n.recordedAt < datetime($knownBefore), true))
  RETURN n.id AS id, n.type AS kind, date(coalesce(n.visitedOn, n.occurredOn, n.referredOn, n.startDate, n.postedOn, n.recordedOn)) AS date, date(n.endDate) AS endDate,
         n {.id, .type, .label, .potentialVictim, .dateOfBirth} AS fromNode, null AS toNode, null AS role, [n.id] AS entityIds, null AS linkId, n.id AS entityId,
         n {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification} AS grading
}
WITH id, kind, date, endDate, fromNode, toNode, role, linkId, entityId, grading, collect(entityIds) AS idLists
WHERE date IS NOT NULL
  AND ($from IS NULL OR coalesce(endDate, CASE WHEN linkId IS NULL THEN date END) >= date($from) OR (linkId IS NOT NULL AND endDate IS NULL))
  AND ($to IS NULL OR date <= date($to))
RETURN id, kind, date, endDate, fromNode, toNode, role, linkId, entityId, grading, idLists
ORDER BY date, id
LIMIT $limit
