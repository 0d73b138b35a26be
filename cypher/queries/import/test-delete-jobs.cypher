// For tests: removes the import jobs of the given sources.
MATCH (j:ImportJob)
WHERE j.source IN $sources
DETACH DELETE j
RETURN count(*) AS deleted
