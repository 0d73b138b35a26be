// For tests: resolved ids of the given person records.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS id, p.resolvedId AS resolvedId
