// The decisions with the given statuses that touch a record (either end).
MATCH (d:MergeDecision)
WHERE (d.aId = $id OR d.bId = $id) AND d.status IN $statuses
RETURN d.id AS id
ORDER BY d.id
