// Test fixtures only: deletes the given entities (with their links), the annotations on them and
// the source records whose id starts with $prefix or whose source is $source.
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
RETURN true AS done
