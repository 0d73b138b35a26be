// Entities by id with their degree (constant-time count); retired ones left out.
// Index: entity_id seek per id.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
RETURN n {.*, searchText: null, degree: @visibleDegree(n)} AS node
