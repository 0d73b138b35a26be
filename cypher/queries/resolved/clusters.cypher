// Resolved entities: records that share a resolved id (two or more), within the caller's scope,
// biggest first. $entityType: null for every type, or PERSON, ORGANISATION or PREMISES.
MATCH (n:Entity)
WHERE n.resolvedId IS NOT NULL
  AND ($entityType IS NULL OR n.type = $entityType)
  AND @visible(n)
WITH n.resolvedId AS id, n.type AS entityType, collect(n.id) AS ids
WHERE size(ids) > 1
RETURN id, entityType, ids
ORDER BY size(ids) DESC, id
SKIP $offset LIMIT $first
