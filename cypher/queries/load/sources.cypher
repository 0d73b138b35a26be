// Writes a batch of source records, one per row of a source system. Idempotent: MERGE on id;
// importedAt is set once, when the record is first written.
// $rows: [{id, props: {source, recordKey, ..., recordedAt: a Neo4j datetime}}]
UNWIND $rows AS row
MERGE (s:SourceRecord {id: row.id})
  ON CREATE SET s.importedAt = datetime()
SET s += row.props
RETURN count(s) AS written
