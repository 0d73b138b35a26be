// Decisions by status, best score first, with both person records side by side.
MATCH (d:MergeDecision)
WHERE d.status IN $statuses
WITH d ORDER BY d.probability DESC, d.id
SKIP $offset LIMIT $first
MATCH (a:Person {id: d.aId})
MATCH (b:Person {id: d.bId})
RETURN d {.*, createdAt: toString(d.createdAt), decidedAt: toString(d.decidedAt), scoredAt: toString(d.scoredAt)} AS decision,
       a {.id, .label, .givenName, .familyName, .gender, .sourceIds, .resolvedId, dateOfBirth: toString(a.dateOfBirth)} AS a,
       b {.id, .label, .givenName, .familyName, .gender, .sourceIds, .resolvedId, dateOfBirth: toString(b.dateOfBirth)} AS b
