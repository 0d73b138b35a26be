// Whom the dated stays (WORKS_AT, LIVES_AT) of the given people or premises ($ids) name: one row
// per stay, its person's id and its dates, no entity and no degree. stays(followPeople) reads this
// to know whom to follow, then their stays in full (stays/of). The same stays as stays/of, scoped
// alike; at most $limit of them (the caller asks one more than it accepts).
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r:WORKS_AT|LIVES_AT]-(y:Entity)
WHERE r.validFrom IS NOT NULL
  AND NOT coalesce(r.retired, false)
  AND NOT coalesce(x.retired, false)
  AND NOT coalesce(y.retired, false)
  AND @visible(x)
  AND @visible(r)
  AND @visible(y)
WITH DISTINCT r
WITH r, startNode(r) AS p
WHERE p:Person
RETURN p.id AS person, r.validFrom AS validFrom, r.validTo AS validTo, r.recordedAt AS recordedAt
LIMIT $limit
