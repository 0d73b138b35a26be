// Creates or updates an import job's progress ($props: plain values, results as JSON text).
MERGE (j:ImportJob {id: $id})
SET j += $props
RETURN j.id AS id
