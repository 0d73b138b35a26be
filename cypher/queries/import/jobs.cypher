// The latest import jobs, newest first.
MATCH (j:ImportJob)
RETURN j {.*} AS job
ORDER BY j.startedAt DESC
LIMIT $first
