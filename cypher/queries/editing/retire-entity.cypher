// Retires a visible entity: kept, with its links, but hidden from every read.
MATCH (x:Entity {id: $id})
WHERE NOT coalesce(x.retired, false)
SET x.retired = true, x.retiredAt = datetime(), x.retiredReason = $reason, x.updatedAt = datetime()
RETURN x.id AS id
