// A live session and its enabled user. Index: session_hash.
MATCH (s:Session {tokenHash: $tokenHash})
WHERE s.expiresAt > datetime()
MATCH (u:User {id: s.userId})
WHERE NOT coalesce(u.disabled, false)
RETURN u {.id, .username, .role, .needToKnow} AS user, s.csrfToken AS csrfToken
