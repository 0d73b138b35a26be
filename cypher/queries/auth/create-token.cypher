// Creates an API token; only the SHA-256 of its secret is stored.
CREATE (t:ApiToken {id: $id, name: $name, role: $role, needToKnow: $needToKnow, tokenHash: $tokenHash,
                    createdBy: $createdBy, createdAt: datetime(), revokedAt: null, lastUsedAt: null})
RETURN t {.id, .name, .role, .needToKnow, .createdBy, .createdAt, .revokedAt, .lastUsedAt} AS token
