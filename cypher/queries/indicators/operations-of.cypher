// For every premises visited and person encountered in an operation, the operations' ids.
MATCH (op:Entity:Operation)-[iv:INCLUDES_VISIT]->(v:Entity)-[x:VISIT_AT|ENCOUNTERED]->(e:Entity)
WHERE NOT coalesce(op.retired, false) AND NOT coalesce(iv.retired, false) AND NOT coalesce(v.retired, false)
  AND NOT coalesce(x.retired, false) AND NOT coalesce(e.retired, false)
  AND ($scope.shareAll OR (op.handlingCode = 'P' AND op.classification = 'OFFICIAL'))
  AND ($scope.shareAll OR (iv.handlingCode = 'P' AND iv.classification = 'OFFICIAL'))
  AND ($scope.shareAll OR (v.handlingCode = 'P' AND v.classification = 'OFFICIAL'))
  AND ($scope.shareAll OR (x.handlingCode = 'P' AND x.classification = 'OFFICIAL'))
  AND ($scope.shareAll OR (e.handlingCode = 'P' AND e.classification = 'OFFICIAL'))
RETURN e.id AS id, collect(DISTINCT op.id) AS operationIds
