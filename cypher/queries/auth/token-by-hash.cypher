// An unrevoked API token by the hash of its secret. Index: api_token_hash.
MATCH (t:ApiToken {tokenHash: $tokenHash})
WHERE t.revokedAt IS NULL
RETURN t {.id, .name, .role, .needToKnow} AS token
