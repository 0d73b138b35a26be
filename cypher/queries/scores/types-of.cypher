// The types of the given entities ($ids), retired ones included.
UNWIND $ids AS id
MATCH (x:Entity {id: id})
WHERE @visible(x)
RETURN x.id AS id, x.type AS type
