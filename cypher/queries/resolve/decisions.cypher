// Decisions by status (and entity type, when given), best score first.
MATCH (d:MergeDecision)
WHERE d.status IN $statuses AND ($entityType IS NULL OR coalesce(d.entityType, 'PERSON') = $entityType)
WITH d ORDER BY d.probability DESC, d.id
SKIP $offset LIMIT $first
RETURN d {.*, createdAt: toString(d.createdAt), decidedAt: toString(d.decidedAt), scoredAt: toString(d.scoredAt)} AS decision
