// Adds a user (by username) or an API token ($tokenName) to a case with a case role, or changes
// their role. Returns the member's id and account role, none when there is no such user or token.
MATCH (k:Case {id: $id})
OPTIONAL MATCH (u:User {username: $username})
OPTIONAL MATCH (t:ApiToken {name: $tokenName})
WITH k, coalesce(u, t) AS x
WHERE x IS NOT NULL
MERGE (k)-[m:HAS_MEMBER]->(x)
SET m.role = $role, m.addedAt = coalesce(m.addedAt, datetime()), m.addedBy = $by
RETURN x.id AS principalId, x.role AS accountRole
