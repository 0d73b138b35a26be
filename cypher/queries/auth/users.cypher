// Every user without password hashes, by username.
MATCH (u:User)
RETURN u {.id, .username, .role, .needToKnow, .createdAt, .disabled} AS user
ORDER BY u.username
