// Analysts' notes on the entities and links of a snapshot, oldest first. Partners see none;
// notes on potential victims are left out while victims are masked. Index: annotation_target.
MATCH (a:Annotation)
WHERE a.targetId IN $ids
  AND $scope.shareAll
  AND NOT ($scope.mask AND EXISTS { MATCH (t:Entity {id: a.targetId}) WHERE t.potentialVictim })
RETURN a {.*} AS annotation
ORDER BY a.createdAt, a.id
