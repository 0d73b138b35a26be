// For tests: resolved ids of the given records (any type).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.resolvedId AS resolvedId
