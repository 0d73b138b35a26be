// Entities by id with their degree (constant-time count); retired ones left out.
// Index: entity_id seek per id.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT coalesce(n.retired, false)
  AND ($scope.shareAll OR (n.handlingCode = 'P' AND n.classification = 'OFFICIAL'))
RETURN n {.*, searchText: null, degree: CASE WHEN $scope.shareAll THEN COUNT { (n)--() } ELSE COUNT { (n)-[sr]-(sm:Entity) WHERE sr.handlingCode = 'P' AND sr.classification = 'OFFICIAL' AND sm.handlingCode = 'P' AND sm.classification = 'OFFICIAL' } END} AS node
