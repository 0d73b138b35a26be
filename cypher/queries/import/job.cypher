// One import job.
MATCH (j:ImportJob {id: $id})
RETURN j {.*} AS job
