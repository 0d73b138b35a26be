// Every version of one record of a source, newest first: the current one and those it superseded.
MATCH (s:SourceRecord)
WHERE s.source = $source AND s.recordKey = $recordKey
RETURN s.id AS id, s.version AS version, s.file AS file, s.line AS line, s.superseded AS superseded, s.contentHash AS contentHash
ORDER BY s.version DESC
