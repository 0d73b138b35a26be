// Entries after a sequence number, in order: for verification and export.
MATCH (a:AuditEntry)
WHERE a.seq > $afterSeq
RETURN a {.*} AS entry
ORDER BY a.seq
LIMIT $limit
