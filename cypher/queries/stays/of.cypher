// The dated stays (WORKS_AT, LIVES_AT in $linkTypes) of the given people or premises ($ids), each
// once, with the person and the premises at its ends. Undated stays are left out (they cannot be
// placed in time). At most $limit stays (the caller asks one more than it accepts, to tell that
// there were too many). Index: entity_id seek per id, then expansion by type.
// Each end's degree is counted once per entity, not once per stay: a partner's count walks every
// link of the entity, and per stay it made a premises with 5000 workers 25 million steps.
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
ORDER BY p.id, r.validFrom, r.id
LIMIT $limit
WITH q, collect({r: r, p: p}) AS atQ
WITH q, atQ, @visibleDegree(q) AS degree
WITH q {.*, searchText: null, degree: degree} AS premises, atQ
UNWIND atQ AS x
WITH x.p AS p, collect({r: x.r, premises: premises}) AS ofP
WITH p, ofP, @visibleDegree(p) AS degree
UNWIND ofP AS s
WITH s.r AS r, s.premises AS premises, p {.*, searchText: null, degree: degree} AS person
RETURN r {.*, type: type(r)} AS link, person, premises
ORDER BY person.id, link.validFrom, link.id
