// Which of these spooled records are already in the chain (replayed after a crash that came after their batch committed).
MATCH (a:AuditEntry)
WHERE a.entryId IN $ids
RETURN a.entryId AS id
