// Source records by id, best graded first. Index: source_record_id (unique) seek.
MATCH (s:SourceRecord)
WHERE s.id IN $ids
  AND @visible(s)
RETURN s {.*} AS source
ORDER BY s.sourceEvaluation, s.intelligenceAssessment, s.recordedAt DESC
