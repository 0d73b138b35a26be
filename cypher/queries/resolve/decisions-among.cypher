// The decisions between records of the given set (both ends in $ids) with the given statuses:
// the merges that make a resolved entity, with their evidence.
MATCH (d:MergeDecision)
WHERE d.aId IN $ids AND d.bId IN $ids AND d.status IN $statuses
RETURN d {.*, createdAt: toString(d.createdAt), decidedAt: toString(d.decidedAt), scoredAt: toString(d.scoredAt)} AS decision
ORDER BY d.probability DESC, d.id
