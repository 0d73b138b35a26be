// Bench only (bench/analytics/scale.ts): each live entity's degree computed inside Neo4j by
// Cypher, counting distinct live neighbours, to compare with degree computed in Node.
MATCH (n:Entity) WHERE NOT coalesce(n.retired, false)
RETURN n.id AS id,
       COUNT { MATCH (n)-[r]-(m:Entity) WHERE NOT coalesce(r.retired, false) AND NOT coalesce(m.retired, false) AND m <> n RETURN DISTINCT m } AS degree
