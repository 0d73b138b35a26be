// The source record a mutation's provenance names, found by (source, recordKey) through the
// source_record_key index, or created. Source records are never edited once made.
MERGE (s:SourceRecord {source: $record.source, recordKey: $record.recordKey})
  ON CREATE SET s += $record, s.id = $id, s.importedAt = datetime(),
                s.recordedAt = coalesce(datetime($recordedAt), datetime())
RETURN s.id AS id
