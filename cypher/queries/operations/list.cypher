// Every operation the caller may see, latest first.
MATCH (op:Entity:Operation)
WHERE NOT coalesce(op.retired, false)
  AND @visible(op)
RETURN op {.id, .name, .startDate, .endDate, .lead, .description} AS operation
ORDER BY operation.startDate DESC, operation.id
