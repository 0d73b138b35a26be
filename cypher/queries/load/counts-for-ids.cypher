// Entities and links among the given ids, by type: how tests count one data set's rows in a
// database that other suites write to as well.
CALL () {
  UNWIND $entityIds AS id
  MATCH (n:Entity {id: id})
  RETURN 'entity' AS kind, n.type AS name, count(*) AS n
  UNION ALL
  MATCH ()-[r]->()
  WHERE r.id IN $linkIds
  RETURN 'link' AS kind, type(r) AS name, count(*) AS n
  UNION ALL
  UNWIND $sourceIds AS id
  MATCH (s:SourceRecord {id: id})
  RETURN 'source' AS kind, 'SourceRecord' AS name, count(*) AS n
}
RETURN kind, name, n
ORDER BY kind, name
