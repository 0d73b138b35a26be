// Test fixture: a potential victim of the demo ($demo: its entity ids, which no suite writes to)
// with a full name and date of birth ($shareable: one partners may see).
MATCH (p:Person)
WHERE p.id IN $demo AND p.potentialVictim AND NOT coalesce(p.retired, false) AND p.dateOfBirth IS NOT NULL AND p.fullName IS NOT NULL
  AND (NOT $shareable OR (p.handlingCode = 'P' AND p.classification = 'OFFICIAL'))
RETURN p.id AS id, p.fullName AS fullName, p.label AS label, toString(p.dateOfBirth) AS dateOfBirth
ORDER BY p.id
LIMIT 1
