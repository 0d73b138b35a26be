// Every saved chart (no documents), most recently saved first, with its entity and link ids and
// what decides access to it for the caller ($principalId), as chart/facts. modules/access decides
// which of them the caller may open.
MATCH (c:Chart)
RETURN c.id AS id, c.name AS name, coalesce(c.nodeIds, []) AS nodeIds, coalesce(c.edgeIds, []) AS edgeIds,
       coalesce(c.sharedWithPartners, false) AS sharedWithPartners, c.createdAt AS createdAt, c.updatedAt AS updatedAt,
       c.ownerId AS ownerId, c.ownerName AS ownerName, coalesce(c.version, 0) AS version, c.savedBy AS savedBy,
       [(c)-[s:SHARED_WITH]->(u) | {principalId: u.id, name: coalesce(u.username, 'token:' + u.name), mode: s.mode}] AS userShares,
       [(k:Case)-[h:HOLDS]->(c) | {mode: h.mode, caseId: k.id, name: k.name, handlingCode: k.handlingCode, classification: k.classification,
         needToKnow: coalesce(k.needToKnow, false), memberRole: head([(k)-[m:HAS_MEMBER]->(x) WHERE x.id = $principalId | m.role])}] AS caseShares
ORDER BY c.updatedAt DESC, c.name
