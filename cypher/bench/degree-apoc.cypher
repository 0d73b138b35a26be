// Bench only (bench/analytics/scale.ts): each live entity's degree by APOC (every link counted).
MATCH (n:Entity) WHERE NOT coalesce(n.retired, false)
RETURN n.id AS id, apoc.node.degree(n) AS degree
