// Analysts' notes on an entity or link, newest first. Index: annotation_target.
MATCH (a:Annotation)
WHERE a.targetId = $targetId
  // Partners see no analysts' notes; notes on a potential victim are hidden while victims are masked.
  AND $scope.shareAll
  AND NOT ($scope.mask AND EXISTS { MATCH (t:Entity {id: $targetId}) WHERE t.potentialVictim })
RETURN a {.*} AS annotation
ORDER BY a.createdAt DESC
