// Bench only (bench/analytics/stored.ts): numbers (E.164) of phones already in the graph, which
// a share of the benchmark's imported rows give again (so that they join the graph, as real
// imports do). A shaped phone keeps its number as e164 only (its `number` as written is dropped).
MATCH (p:Entity:Phone)
WHERE p.e164 IS NOT NULL
RETURN p.e164 AS number
ORDER BY p.id
LIMIT $limit
