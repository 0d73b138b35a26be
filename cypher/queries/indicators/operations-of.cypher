// For every premises visited and person encountered in an operation, the operations' ids.
MATCH (op:Entity:Operation)-[iv:INCLUDES_VISIT]->(v:Entity)-[x:VISIT_AT|ENCOUNTERED]->(e:Entity)
WHERE NOT coalesce(op.retired, false) AND NOT coalesce(iv.retired, false) AND NOT coalesce(v.retired, false)
  AND NOT coalesce(x.retired, false) AND NOT coalesce(e.retired, false)
  AND @visible(op)
  AND @visible(iv)
  AND @visible(v)
  AND @visible(x)
  AND @visible(e)
RETURN e.id AS id, collect(DISTINCT op.id) AS operationIds
