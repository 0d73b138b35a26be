// One operation ($id) for its dashboard: its visits (date, outcome, premises), the people
// encountered at them (role, safeguarded), the referrals of those encountered as potential victims,
// and the offences that occurred within its dates. Only ids, dates and kinds leave the database
// (no names), and only what the caller may see. Index: entity_id seek.
MATCH (op:Entity {id: $id})
WHERE op:Operation
  AND NOT coalesce(op.retired, false)
  AND @visible(op)
CALL (op) {
  OPTIONAL MATCH (op)-[iv:INCLUDES_VISIT]->(v:Entity)-[va:VISIT_AT]->(p:Entity)
  WHERE NOT coalesce(iv.retired, false) AND NOT coalesce(v.retired, false) AND NOT coalesce(va.retired, false) AND NOT coalesce(p.retired, false)
    AND @visible(iv)
    AND @visible(v)
    AND @visible(va)
    AND @visible(p)
  RETURN collect(CASE WHEN v IS NULL THEN null ELSE {visitId: v.id, date: v.visitedOn, outcome: v.outcome, premisesId: p.id} END) AS visits
}
CALL (op) {
  OPTIONAL MATCH (op)-[iv:INCLUDES_VISIT]->(v:Entity)-[en:ENCOUNTERED]->(q:Entity)
  WHERE NOT coalesce(iv.retired, false) AND NOT coalesce(v.retired, false) AND NOT coalesce(en.retired, false) AND NOT coalesce(q.retired, false)
    AND @visible(iv)
    AND @visible(v)
    AND @visible(en)
    AND @visible(q)
  RETURN collect(CASE WHEN q IS NULL THEN null ELSE {visitId: v.id, date: v.visitedOn, personId: q.id, role: en.role, safeguarded: coalesce(q.safeguarded, false)} END) AS encounters
}
CALL (op) {
  OPTIONAL MATCH (op)-[iv:INCLUDES_VISIT]->(v:Entity)-[en:ENCOUNTERED {role: 'POTENTIAL_VICTIM'}]->(q:Entity)<-[rf:REFERRAL_FOR]-(ref:Entity)
  WHERE NOT coalesce(iv.retired, false) AND NOT coalesce(v.retired, false) AND NOT coalesce(en.retired, false) AND NOT coalesce(q.retired, false)
    AND NOT coalesce(rf.retired, false) AND NOT coalesce(ref.retired, false)
    AND @visible(iv)
    AND @visible(v)
    AND @visible(en)
    AND @visible(q)
    AND @visible(rf)
    AND @visible(ref)
  WITH DISTINCT ref, q
  RETURN collect(CASE WHEN ref IS NULL THEN null ELSE {referralId: ref.id, kind: ref.kind, date: ref.referredOn, personId: q.id} END) AS referrals
}
CALL (op) {
  OPTIONAL MATCH (o:Entity:Offence)
  WHERE o.occurredOn >= op.startDate AND o.occurredOn <= op.endDate
    AND NOT coalesce(o.retired, false)
    AND @visible(o)
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE {offenceId: o.id, category: o.category, date: o.occurredOn} END) AS offences
}
RETURN op {.id, .name, .startDate, .endDate, .lead, .description} AS operation, visits, encounters, referrals, offences
