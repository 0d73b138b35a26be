// The resolved entity a record belongs to ($id: any of its records' ids, or the resolved id
// itself), within the caller's scope: its records' ids. No row when the record is in no cluster.
MATCH (x:Entity {id: $id})
WHERE x.resolvedId IS NOT NULL
  AND @visible(x)
MATCH (n:Entity {resolvedId: x.resolvedId})
WHERE @visible(n)
RETURN x.resolvedId AS id, x.type AS entityType, collect(n.id) AS ids
