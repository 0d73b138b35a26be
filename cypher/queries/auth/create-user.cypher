// Creates a local user; the username constraint refuses a duplicate.
CREATE (u:User {id: $id, username: $username, passwordHash: $passwordHash, role: $role,
                needToKnow: $needToKnow, createdAt: datetime(), disabled: false})
RETURN u {.id, .username, .role, .needToKnow, .createdAt, .disabled} AS user
