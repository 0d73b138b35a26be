// For tests: one phone of the demo scenario, with its provenance.
MATCH (p:Phone)
WHERE p.synthetic = true AND p.id STARTS WITH 'phone-0'
RETURN p.id AS id, p.e164 AS e164, p.sourceIds AS sourceIds
ORDER BY p.id
LIMIT 1
