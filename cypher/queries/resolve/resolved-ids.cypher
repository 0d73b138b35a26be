// Records that carry a resolved id now.
MATCH (p:Entity)
WHERE p.resolvedId IS NOT NULL
RETURN p.id AS id, p.resolvedId AS resolvedId
