// What an operation did, counted from the graph: visits, premises visited, people encountered,
// potential victims identified (and safeguarded), their referrals' kinds, and the categories of
// offences that occurred during it. Used to check the demo's ground truth against the graph.
MATCH (op:Operation {id: $id})
CALL (op) {
  OPTIONAL MATCH (op)-[:INCLUDES_VISIT]->(v:Visit)-[:VISIT_AT]->(p:Premises)
  RETURN count(DISTINCT v) AS visits, count(DISTINCT p) AS premisesVisited
}
CALL (op) {
  OPTIONAL MATCH (op)-[:INCLUDES_VISIT]->(:Visit)-[:ENCOUNTERED]->(p:Person)
  RETURN count(DISTINCT p) AS peopleEncountered
}
CALL (op) {
  OPTIONAL MATCH (op)-[:INCLUDES_VISIT]->(:Visit)-[:ENCOUNTERED {role: 'POTENTIAL_VICTIM'}]->(p:Person)
  WITH DISTINCT p
  RETURN count(p) AS potentialVictims, count(CASE WHEN p.safeguarded THEN 1 END) AS safeguarded, collect(p) AS pvs
}
CALL (pvs) {
  UNWIND pvs AS p
  MATCH (r:Referral)-[:REFERRAL_FOR]->(p)
  RETURN collect(r.kind) AS referralKinds
}
CALL (op) {
  MATCH (o:Offence)
  WHERE o.occurredOn >= op.startDate AND o.occurredOn <= op.endDate AND o.synthetic = true
  RETURN collect(o.category) AS offenceCategories
}
RETURN op.id AS id, visits, premisesVisited, peopleEncountered, potentialVictims, safeguarded, referralKinds, offenceCategories
