// Every API token (never its hash), newest first.
MATCH (t:ApiToken)
RETURN t {.id, .name, .role, .needToKnow, .createdBy, .createdAt, .revokedAt, .lastUsedAt} AS token
ORDER BY t.createdAt DESC
