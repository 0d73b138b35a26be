// The pairs currently merged, for working out the resolved clusters.
MATCH (d:MergeDecision {status: 'MERGED'})
RETURN d.aId AS a, d.bId AS b
