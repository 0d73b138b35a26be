// The dated stays (WORKS_AT, LIVES_AT in $linkTypes) of the given people or premises ($ids), each
// once, with the person and the premises at its ends. Undated stays are left out (they cannot be
// placed in time). Index: entity_id seek per id, then expansion by type.
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r:WORKS_AT|LIVES_AT]-(y:Entity)
WHERE type(r) IN $linkTypes
  AND r.validFrom IS NOT NULL
  AND NOT coalesce(r.retired, false)
  AND NOT coalesce(x.retired, false)
  AND NOT coalesce(y.retired, false)
  AND @visible(x)
  AND @visible(r)
  AND @visible(y)
WITH DISTINCT r
WITH r, startNode(r) AS p, endNode(r) AS q
WHERE p:Person
RETURN r {.*, type: type(r)} AS link,
       p {.*, searchText: null, degree: @visibleDegree(p)} AS person,
       q {.*, searchText: null, degree: @visibleDegree(q)} AS premises
ORDER BY person.id, link.validFrom, link.id
