// Test fixtures only: source records ($records: [{id, source, recordKey, ...grading}]).
UNWIND $records AS s
MERGE (r:SourceRecord {id: s.id})
SET r += s, r.recordedAt = datetime(s.recordedAt), r.importedAt = datetime()
RETURN count(*) AS records
