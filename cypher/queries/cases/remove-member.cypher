// Removes a member from a case; returns how many were removed (0 or 1).
MATCH (k:Case {id: $id})-[m:HAS_MEMBER]->(x)
WHERE (x:User AND x.username = $username) OR (x:ApiToken AND x.name = $tokenName)
   OR (x:IdentityAccount AND x.name = $identityName)
DELETE m
RETURN count(*) AS removed
