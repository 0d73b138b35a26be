// Deletes a saved chart by id; returns how many were deleted (0 or 1).
OPTIONAL MATCH (c:Chart {id: $id})
WITH c, CASE WHEN c IS NULL THEN 0 ELSE 1 END AS deleted
DETACH DELETE c
RETURN deleted
