// Person records that carry a resolved id now.
MATCH (p:Person)
WHERE p.resolvedId IS NOT NULL
RETURN p.id AS id, p.resolvedId AS resolvedId
