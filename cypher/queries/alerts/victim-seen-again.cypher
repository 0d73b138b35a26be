// Saved pattern "potential victim seen again": one of $personIds, a potential victim, turns up in
// a new record: encountered at a visit, featured in an advert, a new address, workplace or
// referral. Each match is one link (its id is the key). $ids as in advert-with-watched-phone.
MATCH (v:Entity)-[r:ENCOUNTERED|ADVERT_FEATURES|LIVES_AT|WORKS_AT|REFERRAL_FOR]-(o:Entity)
WHERE v.id IN $personIds AND v.potentialVictim = true
  AND ($ids IS NULL OR v.id IN $ids OR o.id IN $ids)
  AND NOT coalesce(r.retired, false) AND NOT coalesce(o.retired, false)
  AND @visible(v) AND @visible(r) AND @visible(o)
RETURN r.id AS key, 'A potential victim is seen again' AS summary,
       [v.id, o.id] AS entityIds, [r.id] AS linkIds, coalesce(r.sourceIds, []) AS sourceIds,
       [x IN [v, r, o] | x.handlingCode] AS handlingCodes, [x IN [v, r, o] | x.classification] AS classifications
