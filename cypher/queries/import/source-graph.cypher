// What an import of $source holds: its current and superseded source records, and the entities
// and links citing them ($prefix: the source's record id prefix, `src-<source>-`), by type.
// How `lantern import` and its tests check exact counts. Scans entities: a maintenance query.
MATCH (s:SourceRecord)
WHERE s.source = $source
WITH count(CASE WHEN s.superseded IS NULL THEN 1 END) AS current, count(s.superseded) AS superseded
CALL () {
  MATCH (n:Entity)
  WHERE any(x IN n.sourceIds WHERE x STARTS WITH $prefix)
  RETURN collect(n.type) AS entityTypes
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE any(x IN r.sourceIds WHERE x STARTS WITH $prefix)
  RETURN collect(type(r)) AS linkTypes
}
RETURN current, superseded, entityTypes, linkTypes
