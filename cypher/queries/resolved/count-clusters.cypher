// How many resolved entities (two or more records sharing a resolved id) the caller can see.
MATCH (n:Entity)
WHERE n.resolvedId IS NOT NULL
  AND ($entityType IS NULL OR n.type = $entityType)
  AND @visible(n)
WITH n.resolvedId AS id, count(n) AS records
WHERE records > 1
RETURN count(id) AS total
