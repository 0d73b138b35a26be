// Adds a user (by username), an API token ($tokenName) or an identity-provider user (by principal
// id, $identityId) to a case with a case role, or changes their role. Returns the member's id and
// account role, none when there is no such account.
MATCH (k:Case {id: $id})
OPTIONAL MATCH (u:User {username: $username})
OPTIONAL MATCH (t:ApiToken {name: $tokenName})
OPTIONAL MATCH (i:IdentityAccount {id: $identityId})
WITH k, coalesce(u, t, i) AS x
WHERE x IS NOT NULL
MERGE (k)-[m:HAS_MEMBER]->(x)
SET m.role = $role, m.addedAt = coalesce(m.addedAt, datetime()), m.addedBy = $by
RETURN x.id AS principalId, x.role AS accountRole
