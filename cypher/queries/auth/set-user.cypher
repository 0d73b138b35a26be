// Changes a user's role, need-to-know or disabled flag (null leaves it); disabling ends their sessions.
MATCH (u:User {id: $id})
SET u.role = coalesce($role, u.role), u.needToKnow = coalesce($needToKnow, u.needToKnow),
    u.disabled = coalesce($disabled, u.disabled), u.passwordHash = coalesce($passwordHash, u.passwordHash)
WITH u
OPTIONAL MATCH (s:Session {userId: u.id})
WHERE u.disabled
DETACH DELETE s
WITH DISTINCT u
RETURN u {.id, .username, .role, .needToKnow, .createdAt, .disabled} AS user
