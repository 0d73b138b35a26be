// Where `lantern serve`'s warm-up reads from: a person with a few links (3 to 40; among the first
// 500 people, so it costs a few hundred index entries on any store), up to 12 entities one link
// away with their labels (things to search for), and one entity two links away. Nothing read here
// leaves the server.
MATCH (p:Person)
WHERE NOT coalesce(p.retired, false)
WITH p LIMIT 500
WITH p, COUNT { (p)--(:Entity) } AS degree
WHERE 3 <= degree <= 40
WITH p ORDER BY degree DESC LIMIT 1
CALL (p) {
  MATCH (p)--(m:Entity)
  WHERE NOT coalesce(m.retired, false)
  WITH DISTINCT m LIMIT 12
  RETURN collect(m.id) AS near, collect(m.label) AS nearLabels
}
CALL (p, near) {
  OPTIONAL MATCH (p)--(:Entity)--(o:Entity)
  WHERE o <> p AND NOT o.id IN near AND NOT coalesce(o.retired, false)
  RETURN o.id AS far
  LIMIT 1
}
RETURN p.id AS id, [p.label] + nearLabels AS texts, near, far
