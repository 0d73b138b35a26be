// Bench only (bench/analytics/stored.ts): numbers of phones already in the graph, which the
// benchmark's imported rows give again (so that they join the graph, as real imports do).
MATCH (p:Entity:Phone)
WHERE p.number IS NOT NULL
RETURN p.number AS number
ORDER BY p.id
LIMIT $limit
