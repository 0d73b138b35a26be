// The dated links (stays, phone use, calls, ...) and the dated event entities (visits, offences,
// referrals, operations, adverts, risk factors) touching the $ids entities, in date order; and
// each call of a CALLED link imported from call records (kind CALL, its source record's id, its
// start and duration in `detail`; docs/import.md "Call records").
// An event overlaps [$from, $to] when it starts on or before $to and ends on or after $from
// (a link without an end date is ongoing; an event entity or a call without one lasts its day).
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
         r.role AS role, [s.id, t.id] AS entityIds, r.id AS linkId, null AS entityId, null AS detail,
         r {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification} AS grading
  UNION
  MATCH (n)-[r:CALLED]-(m:Entity)
  WHERE NOT coalesce(r.retired, false) AND NOT coalesce(m.retired, false)
    AND @visible(r) AND @visible(m)
  UNWIND r.sourceIds AS sid
  MATCH (c:SourceRecord {id: sid})
  WHERE c.callStartedAt IS NOT NULL AND @visible(c)
    AND ($knownBefore IS NULL OR coalesce(c.recordedAt < datetime($knownBefore), true))
  // The same call reported by two records (two files or sources) is one event.
  WITH r, c ORDER BY c.id
  WITH r, c.callKey AS call, collect(c)[0] AS k
  WITH r, k, startNode(r) AS s, endNode(r) AS t
  RETURN k.id AS id, 'CALL' AS kind, date(datetime(k.callStartedAt)) AS date, null AS endDate,
         s {.id, .type, .label, .potentialVictim, .dateOfBirth} AS fromNode, t {.id, .type, .label, .potentialVictim, .dateOfBirth} AS toNode,
         null AS role, [s.id, t.id] AS entityIds, r.id AS linkId, null AS entityId,
         {startedAt: k.callStartedAt, durationSeconds: k.callDurationSeconds, cellSite: k.cellSite} AS detail,
         k {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification} AS grading
  UNION
  MATCH (n)-[r]-(e)
  WHERE e.type IN ['VISIT', 'OFFENCE', 'REFERRAL', 'OPERATION', 'ADVERT', 'RISK_FACTOR']
    AND NOT coalesce(r.retired, false) AND NOT coalesce(e.retired, false)
    AND @visible(r) AND @visible(e)
    AND ($knownBefore IS NULL OR coalesce(e.recordedAt < datetime($knownBefore), true))
  RETURN e.id AS id, e.type AS kind, date(coalesce(e.visitedOn, e.occurredOn, e.referredOn, e.startDate, e.postedOn, e.recordedOn)) AS date, date(e.endDate) AS endDate,
         e {.id, .type, .label, .potentialVictim, .dateOfBirth} AS fromNode, null AS toNode, null AS role, [e.id, n.id] AS entityIds, null AS linkId, e.id AS entityId, null AS detail,
         e {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification} AS grading
  UNION
  WITH n
  WHERE n.type IN ['VISIT', 'OFFENCE', 'REFERRAL', 'OPERATION', 'ADVERT', 'RISK_FACTOR']
    AND ($knownBefore IS NULL OR coalesce(n.recordedAt < datetime($knownBefore), true))
  RETURN n.id AS id, n.type AS kind, date(coalesce(n.visitedOn, n.occurredOn, n.referredOn, n.startDate, n.postedOn, n.recordedOn)) AS date, date(n.endDate) AS endDate,
         n {.id, .type, .label, .potentialVictim, .dateOfBirth} AS fromNode, null AS toNode, null AS role, [n.id] AS entityIds, null AS linkId, n.id AS entityId, null AS detail,
         n {.sourceEvaluation, .intelligenceAssessment, .handlingCode, .handlingConditions, .classification} AS grading
}
WITH id, kind, date, endDate, fromNode, toNode, role, linkId, entityId, detail, grading, collect(entityIds) AS idLists
WHERE date IS NOT NULL
  AND ($from IS NULL OR coalesce(endDate, CASE WHEN linkId IS NULL OR kind = 'CALL' THEN date END) >= date($from) OR (linkId IS NOT NULL AND endDate IS NULL AND kind <> 'CALL'))
  AND ($to IS NULL OR date <= date($to))
RETURN id, kind, date, endDate, fromNode, toNode, role, linkId, entityId, detail, grading, idLists
ORDER BY date, coalesce(detail.startedAt, ''), id
LIMIT $limit
