// For tests: forgets that `lantern resolve` has seen the given records, so a suite that resolved
// the demo leaves it as it found it (later incremental runs then treat them as new again).
UNWIND $ids AS id
MATCH (p:Entity {id: id})
REMOVE p.resolvedAt
RETURN count(p) AS unseen
