// For tests: every property of the given entities, links and source records, to tell whether
// an import into a graph that already holds them changed anything.
CALL () {
  UNWIND $entityIds AS id
  MATCH (n:Entity {id: id})
  RETURN 'entity' AS kind, n.id AS id, properties(n) AS props
  UNION ALL
  MATCH ()-[r]->()
  WHERE r.id IN $linkIds
  RETURN 'link' AS kind, r.id AS id, properties(r) AS props
  UNION ALL
  UNWIND $sourceIds AS id
  MATCH (s:SourceRecord {id: id})
  RETURN 'source' AS kind, s.id AS id, properties(s) AS props
}
RETURN kind, id, props
