// Records when a token was last used (written at most once a minute per token).
MATCH (t:ApiToken {id: $id})
SET t.lastUsedAt = datetime()
RETURN t.id AS id
