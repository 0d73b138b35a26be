// Test fixtures only: deletes the source record ($source, $recordKey) a command wrote.
MATCH (s:SourceRecord {source: $source, recordKey: $recordKey})
DELETE s
RETURN count(*) AS removed
