// Shares a chart with a user (by username) or an API token (by name, $tokenName), read-only or
// editable ($mode); sharing again changes the mode. Returns the principal's id, none when there is no such user or token.
MATCH (c:Chart {id: $id})
OPTIONAL MATCH (u:User {username: $username})
OPTIONAL MATCH (t:ApiToken {name: $tokenName})
WITH c, coalesce(u, t) AS x
WHERE x IS NOT NULL
MERGE (c)-[s:SHARED_WITH]->(x)
SET s.mode = $mode, s.sharedAt = datetime(), s.sharedBy = $by
RETURN x.id AS principalId
