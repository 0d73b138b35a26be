// One case and the caller's role in it ($principalId; null when not a member): what modules/access
// (caseDecision) decides on.
MATCH (k:Case {id: $id})
RETURN k {.*} AS case, head([(k)-[m:HAS_MEMBER]->(x) WHERE x.id = $principalId | m.role]) AS memberRole
