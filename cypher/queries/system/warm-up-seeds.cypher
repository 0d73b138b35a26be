// Where `lantern serve`'s warm-up reads from: a person with a few links (3 to 40; among the first
// 500 people, so it costs a few hundred index entries on any store; or $person, when not null),
// the entities one link away (all of them: at most 40) with their labels (things to search for),
// and one entity two links away. Nothing read here leaves the server; even so, no potential victim is picked or
// searched for by name, so that no such name can reach a log line should the warm-up fail.
MATCH (p:Person)
WHERE ($person IS NULL OR p.id = $person)
  AND NOT coalesce(p.retired, false) AND NOT coalesce(p.potentialVictim, false)
WITH p LIMIT 500
WITH p, COUNT { (p)--(:Entity) } AS degree
WHERE 3 <= degree <= 40
WITH p ORDER BY degree DESC LIMIT 1
CALL (p) {
  MATCH (p)--(m:Entity)
  WHERE NOT coalesce(m.retired, false)
  WITH DISTINCT m
  RETURN collect(m.id) AS near, collect(CASE WHEN coalesce(m.potentialVictim, false) THEN null ELSE m.label END) AS nearLabels
}
CALL (p, near) {
  OPTIONAL MATCH (p)--(:Entity)--(o:Entity)
  WHERE o <> p AND NOT o.id IN near AND NOT coalesce(o.retired, false)
  RETURN o.id AS far
  LIMIT 1
}
RETURN p.id AS id, [p.label] + nearLabels AS texts, near, far
