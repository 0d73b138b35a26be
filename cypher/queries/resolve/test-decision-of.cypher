// For tests: the decision about a pair of person records.
MATCH (d:MergeDecision)
WHERE (d.aId = $a AND d.bId = $b) OR (d.aId = $b AND d.bId = $a)
RETURN d.id AS id, d.status AS status
