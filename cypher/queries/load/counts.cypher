// Entities by type, links by type and source records: what `lantern seed` prints and the tests check.
CALL () {
  MATCH (n:Entity)
  RETURN 'entity' AS kind, n.type AS name, count(*) AS n
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'link' AS kind, type(r) AS name, count(*) AS n
  UNION ALL
  MATCH (s:SourceRecord)
  RETURN 'source' AS kind, 'SourceRecord' AS name, count(*) AS n
}
RETURN kind, name, n
ORDER BY kind, name
