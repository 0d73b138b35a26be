// Entity watches ($watches: [{id, entityId}]): every link of each watched entity not seen yet by
// that watch, with both ends, its sources and its grading. $baseline true returns the seen too
// (a new watch records what already exists, so that only what comes after raises an alert).
UNWIND $watches AS w
MATCH (e:Entity {id: w.entityId})-[r]-(o:Entity)
WHERE NOT coalesce(r.retired, false)
  AND ($baseline OR NOT EXISTS { MATCH (s:AlertSeen {key: w.id + '|' + r.id}) })
RETURN w.id AS watchId, r.id AS key, type(r) AS linkType, e.type AS watchedType, o.type AS otherType,
       [e.id, o.id] AS entityIds, [r.id] AS linkIds, coalesce(r.sourceIds, []) AS sourceIds,
       [x IN [e, r, o] | x.handlingCode] AS handlingCodes, [x IN [e, r, o] | x.classification] AS classifications
