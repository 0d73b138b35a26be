// Every case, newest first, with the caller's role in each ($principalId): modules/access decides
// which the caller may open.
MATCH (k:Case)
RETURN k {.*} AS case, head([(k)-[m:HAS_MEMBER]->(x) WHERE x.id = $principalId | m.role]) AS memberRole
ORDER BY k.createdAt DESC, k.name
