// For the given premises and people ($ids), the operations that visited or encountered them.
UNWIND $ids AS id
MATCH (op:Entity:Operation)-[iv:INCLUDES_VISIT]->(v:Entity)-[x:VISIT_AT|ENCOUNTERED]->(e:Entity {id: id})
WHERE NOT coalesce(op.retired, false) AND NOT coalesce(iv.retired, false) AND NOT coalesce(v.retired, false)
  AND NOT coalesce(x.retired, false) AND NOT coalesce(e.retired, false)
  AND @visible(op)
  AND @visible(iv)
  AND @visible(v)
  AND @visible(x)
  AND @visible(e)
RETURN e.id AS id, collect(DISTINCT op.id) AS operationIds
