// Saved pattern "advert carrying a watched phone": an advert that lists one of $phoneIds. Each
// match is one ADVERT_LISTS_PHONE link (its id is the match key). $ids: the entities writes marked
// (only matches touching them), or null for every match (a new watch's baseline).
MATCH (p:Entity)<-[r:ADVERT_LISTS_PHONE]-(a:Entity)
WHERE p.id IN $phoneIds
  AND ($ids IS NULL OR a.id IN $ids OR p.id IN $ids)
  AND NOT coalesce(r.retired, false) AND NOT coalesce(a.retired, false)
  AND @visible(p) AND @visible(r) AND @visible(a)
RETURN r.id AS key, 'An advert lists a watched phone' AS summary,
       [a.id, p.id] AS entityIds, [r.id] AS linkIds, coalesce(r.sourceIds, []) AS sourceIds,
       [x IN [a, r, p] | x.handlingCode] AS handlingCodes, [x IN [a, r, p] | x.classification] AS classifications
