// For tests: removes the decisions about the given person records.
MATCH (d:MergeDecision)
WHERE d.aId IN $ids OR d.bId IN $ids
DETACH DELETE d
RETURN count(*) AS deleted
