// Ground truth for the role x read-path matrix (server/modules/access/matrix.int.test.ts), read
// from the store as it is: every entity with whether partners may see it (handling code P and
// classification OFFICIAL) and whether it is a potential victim, with its stored properties
// (dates as text), and the ids of the links partners may not see (the link or one of its ends
// not shareable). The demo's records only ($demo: its entity ids): no suite writes to them, so
// the truth holds for the whole run; other suites' records, written and removed beside this one,
// are theirs to judge.
CALL () {
  MATCH (n:Entity)
  WHERE n.id IN $demo
  RETURN collect(n {.*, dateOfBirth: toString(n.dateOfBirth), shareable: n.handlingCode = 'P' AND n.classification = 'OFFICIAL', victim: coalesce(n.potentialVictim, false)}) AS entities
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.id IS NOT NULL AND a.id IN $demo AND b.id IN $demo
    AND NOT (r.handlingCode = 'P' AND r.classification = 'OFFICIAL' AND a.handlingCode = 'P' AND a.classification = 'OFFICIAL'
             AND b.handlingCode = 'P' AND b.classification = 'OFFICIAL')
  RETURN collect(r.id) AS hiddenLinks
}
RETURN entities, hiddenLinks
