// One decision.
MATCH (d:MergeDecision {id: $id})
RETURN d {.*, createdAt: toString(d.createdAt), decidedAt: toString(d.decidedAt), scoredAt: toString(d.scoredAt)} AS decision
