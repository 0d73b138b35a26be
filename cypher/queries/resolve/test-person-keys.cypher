// For tests: person records of the given sources with the record key they came from.
MATCH (s:SourceRecord)
WHERE any(pre IN $prefixes WHERE s.id STARTS WITH pre) AND s.superseded IS NULL
MATCH (p:Person)
WHERE s.id IN p.sourceIds
RETURN s.recordKey AS recordKey, p.id AS id
