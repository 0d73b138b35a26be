// How many decisions have the given statuses.
MATCH (d:MergeDecision)
WHERE d.status IN $statuses
RETURN count(d) AS total
