// Removes everything an import of $source wrote ($prefix: its record id prefix, `src-<source>-`):
// its source records (current and superseded), the entities and links whose only sources were
// its records, and its ids from the provenance of entities and links also seen elsewhere. For
// tests and for taking back a wrong import. Scans entities and links: a maintenance statement.
CALL () {
  MATCH ()-[r]->()
  WHERE any(x IN r.sourceIds WHERE x STARTS WITH $prefix)
  WITH r, [x IN r.sourceIds WHERE NOT x STARTS WITH $prefix] AS rest
  FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r)
  FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET r.sourceIds = rest)
}
CALL () {
  MATCH (n:Entity)
  WHERE any(x IN n.sourceIds WHERE x STARTS WITH $prefix)
  WITH n, [x IN n.sourceIds WHERE NOT x STARTS WITH $prefix] AS rest
  FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DETACH DELETE n)
  FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET n.sourceIds = rest)
}
MATCH (s:SourceRecord)
WHERE s.source = $source
WITH collect(s) AS records
FOREACH (s IN records | DETACH DELETE s)
RETURN size(records) AS removed
