// Marks records (people, organisations, premises) as seen by `lantern resolve` (incremental
// runs start after them).
UNWIND $ids AS id
MATCH (p:Entity {id: id})
SET p.resolvedAt = datetime()
RETURN count(p) AS marked
