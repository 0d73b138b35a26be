// The entities one link away from $ids over $linkTypes, retired ones included (a retired entity
// or link still tells whose scores it changed), with their types: the worker's expansion of
// dirty marks up to the rules' reach. Index: entity_id seek per id.
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r]-(y:Entity)
WHERE type(r) IN $linkTypes
  AND @visible(x)
  AND @visible(r)
  AND @visible(y)
RETURN DISTINCT y.id AS id, y.type AS type
