// Entries newest first, optionally by actor, operation and time window, before a sequence number (cursor).
MATCH (a:AuditEntry)
WHERE a.seq < $beforeSeq
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($operation IS NULL OR a.operation = $operation)
  AND ($from IS NULL OR a.at >= $from)
  AND ($to IS NULL OR a.at <= $to)
RETURN a {.*} AS entry
ORDER BY a.seq DESC
LIMIT $limit
