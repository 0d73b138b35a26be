// How many records of a source are current and how many are superseded versions.
MATCH (s:SourceRecord)
WHERE s.source = $source
RETURN count(CASE WHEN s.superseded IS NULL THEN 1 END) AS current, count(s.superseded) AS superseded
