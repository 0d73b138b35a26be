// One page of an entity's visible links, newest recorded first, with the entity at the other end
// and the total count. $types / $entityTypes null means any. Offset paging: $skip, $limit.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WHERE NOT coalesce(r.retired, false)
  AND @visible(n)
  AND @visible(r)
  AND @visible(m)
  AND NOT coalesce(m.retired, false)
  AND ($types IS NULL OR type(r) IN $types)
  AND ($entityTypes IS NULL OR m.type IN $entityTypes)
WITH r, m
ORDER BY r.recordedAt DESC, r.id
WITH collect({r: r, m: m}) AS found
UNWIND (CASE WHEN size(found) > $skip THEN found[$skip..$skip + $limit] ELSE [null] END) AS f
WITH size(found) AS total, f.r AS r, f.m AS m
RETURN total,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS link,
       m {.*, searchText: null, degree: @visibleDegree(m)} AS other
