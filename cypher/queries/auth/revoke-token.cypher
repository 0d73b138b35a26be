// Revokes an API token by id or name; a revoked token stays listed.
MATCH (t:ApiToken)
WHERE t.id = $idOrName OR t.name = $idOrName
SET t.revokedAt = coalesce(t.revokedAt, datetime())
RETURN t {.id, .name, .role, .needToKnow, .createdBy, .createdAt, .revokedAt, .lastUsedAt} AS token
