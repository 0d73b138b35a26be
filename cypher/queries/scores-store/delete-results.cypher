// Removes the kept results of $keys (entities that no longer score or hit anything).
UNWIND $keys AS key
MATCH (s:ScoreResult {key: key})
DELETE s
