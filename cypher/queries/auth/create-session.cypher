// A signed-in session: the cookie carries a random secret, Neo4j its SHA-256, so that every
// Lantern instance behind a load balancer recognises it and sign-out ends it everywhere.
MATCH (u:User {id: $userId})
CREATE (s:Session {tokenHash: $tokenHash, userId: u.id, csrfToken: $csrfToken,
                   createdAt: datetime(), expiresAt: datetime() + duration({seconds: $ttlSeconds})})
RETURN s.csrfToken AS csrfToken, toString(s.expiresAt) AS expiresAt
