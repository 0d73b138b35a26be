// Entities by id, in the order given, with their degree (a constant-time count); retired ones left out.
// Index: entity_id (unique) seek per id.
UNWIND range(0, size($ids) - 1) AS i
MATCH (n:Entity {id: $ids[i]})
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
RETURN n {.*, searchText: null, degree: @visibleDegree(n)} AS entity
ORDER BY i
