// One saved chart by id or by name, with what decides access to it for the caller ($principalId):
// its owner, its shares with users and tokens, and the cases holding it with the caller's role in
// each. No document filter here: modules/access (chartRight) decides from these facts, and a chart
// the caller may not open is answered as one that does not exist.
MATCH (c:Chart)
WHERE c.id = $id OR c.name = $name
RETURN c.id AS id, c.name AS name, c.document AS document, coalesce(c.sharedWithPartners, false) AS sharedWithPartners,
       c.createdAt AS createdAt, c.updatedAt AS updatedAt, c.ownerId AS ownerId, c.ownerName AS ownerName,
       coalesce(c.version, 0) AS version, c.savedBy AS savedBy,
       [(c)-[s:SHARED_WITH]->(u) | {principalId: u.id, name: coalesce(u.username, 'token:' + u.name), mode: s.mode}] AS userShares,
       [(k:Case)-[h:HOLDS]->(c) | {mode: h.mode, caseId: k.id, name: k.name, handlingCode: k.handlingCode, classification: k.classification,
         needToKnow: coalesce(k.needToKnow, false), memberRole: head([(k)-[m:HAS_MEMBER]->(x) WHERE x.id = $principalId | m.role])}] AS caseShares
ORDER BY CASE WHEN c.id = $id THEN 0 ELSE 1 END
LIMIT 1
