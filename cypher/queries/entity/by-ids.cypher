// Entities by id, in the order given, with their degree (a constant-time count); retired ones left out.
// Index: entity_id (unique) seek per id.
UNWIND range(0, size($ids) - 1) AS i
MATCH (n:Entity {id: $ids[i]})
WHERE NOT coalesce(n.retired, false)
  AND ($scope.shareAll OR (n.handlingCode = 'P' AND n.classification = 'OFFICIAL'))
RETURN n {.*, searchText: null, degree: CASE WHEN $scope.shareAll THEN COUNT { (n)--() } ELSE COUNT { (n)-[sr]-(sm:Entity) WHERE sr.handlingCode = 'P' AND sr.classification = 'OFFICIAL' AND sm.handlingCode = 'P' AND sm.classification = 'OFFICIAL' } END} AS entity
ORDER BY i
