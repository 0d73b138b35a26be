// Ground truth for the role x read-path matrix (server/modules/access/matrix.int.test.ts), read
// from the store as it is: every entity with whether partners may see it (handling code P and
// classification OFFICIAL) and whether it is a potential victim, with its stored properties
// (dates as text), and the ids of the links partners may not see (the link or one of its ends
// not shareable).
CALL () {
  MATCH (n:Entity)
  RETURN collect(n {.*, dateOfBirth: toString(n.dateOfBirth), shareable: n.handlingCode = 'P' AND n.classification = 'OFFICIAL', victim: coalesce(n.potentialVictim, false)}) AS entities
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.id IS NOT NULL
    AND NOT (r.handlingCode = 'P' AND r.classification = 'OFFICIAL' AND a.handlingCode = 'P' AND a.classification = 'OFFICIAL'
             AND b.handlingCode = 'P' AND b.classification = 'OFFICIAL')
  RETURN collect(r.id) AS hiddenLinks
}
RETURN entities, hiddenLinks
