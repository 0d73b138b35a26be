// For tests: a source's current records with their line and the values their rows lost, as written.
MATCH (s:SourceRecord)
WHERE s.source = $source AND s.superseded IS NULL
RETURN s.recordKey AS recordKey, s.line AS line, s.unparsed AS unparsed, toString(s.importedAt) AS importedAt
ORDER BY s.line
