// Test fixtures only: deletes the given entities (with their links), the annotations on them and
// the source records whose id starts with $prefix or whose source is $source, and the citations
// of those records left on entities and links the test edited but did not create.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  DETACH DELETE n
}
CALL () {
  UNWIND $ids AS id
  MATCH (a:Annotation {targetId: id})
  DELETE a
}
CALL () {
  MATCH (s:SourceRecord)
  WHERE s.id STARTS WITH $prefix
  DELETE s
}
CALL () {
  MATCH (s:SourceRecord {source: $source})
  DELETE s
}
CALL () {
  MATCH (n:Entity)
  WHERE any(x IN n.sourceIds WHERE x STARTS WITH $prefix)
  SET n.sourceIds = [x IN n.sourceIds WHERE NOT x STARTS WITH $prefix]
}
CALL () {
  MATCH ()-[r]->()
  WHERE any(x IN r.sourceIds WHERE x STARTS WITH $prefix)
  SET r.sourceIds = [x IN r.sourceIds WHERE NOT x STARTS WITH $prefix]
}
RETURN true AS done
