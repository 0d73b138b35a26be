// How many decisions have the given statuses (and entity type, when given).
MATCH (d:MergeDecision)
WHERE d.status IN $statuses AND ($entityType IS NULL OR coalesce(d.entityType, 'PERSON') = $entityType)
RETURN count(d) AS total
