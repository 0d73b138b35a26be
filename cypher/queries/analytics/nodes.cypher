// Entities for network analytics: every visible entity ($ids null) or the given ones, at most
// $limit (the caller asks for one more than it accepts, to know when the graph is too big).
// potentialVictim travels so that the gateway masks victims' labels. Index: entity_id seek per id.
MATCH (n:Entity)
WHERE ($ids IS NULL OR n.id IN $ids)
  AND NOT coalesce(n.retired, false)
  AND ($scope.shareAll OR (n.handlingCode = 'P' AND n.classification = 'OFFICIAL'))
WITH n ORDER BY n.id
LIMIT $limit
RETURN n {.id, .type, .label, .kind, .potentialVictim, .postedOn} AS node
