// Saved pattern "known controller at a new address": one of $personIds (the known controllers)
// lives at, works at or operates a premises. The match key is the person and the premises, so a
// premises already known under another link type raises nothing new. $ids as in
// advert-with-watched-phone.
MATCH (c:Entity)-[r:LIVES_AT|WORKS_AT|OPERATES]->(m:Entity)
WHERE c.id IN $personIds
  AND ($ids IS NULL OR c.id IN $ids OR m.id IN $ids)
  AND NOT coalesce(r.retired, false) AND NOT coalesce(m.retired, false)
  AND @visible(c) AND @visible(r) AND @visible(m)
WITH c, m, collect(r) AS rs
RETURN c.id + '>' + m.id AS key, 'A known controller at a new address' AS summary,
       [c.id, m.id] AS entityIds, [r IN rs | r.id] AS linkIds,
       reduce(acc = [], r IN rs | acc + [s IN coalesce(r.sourceIds, []) WHERE NOT s IN acc]) AS sourceIds,
       [x IN [c, m] + rs | x.handlingCode] AS handlingCodes, [x IN [c, m] + rs | x.classification] AS classifications
