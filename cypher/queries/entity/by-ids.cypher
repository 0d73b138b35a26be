// Entities by id, in the order given, with their degree (a constant-time count); retired ones left out.
// Index: entity_id (unique) seek per id.
UNWIND range(0, size($ids) - 1) AS i
MATCH (n:Entity {id: $ids[i]})
WHERE NOT coalesce(n.retired, false)
RETURN n {.*, searchText: null, degree: COUNT { (n)--() }} AS entity
ORDER BY i
