// Appends chained entries and moves the head to the last of them.
UNWIND $entries AS e
CREATE (a:AuditEntry)
SET a = e
WITH count(a) AS written
MATCH (h:AuditHead {id: 'audit'})
SET h.seq = $lastSeq, h.hash = $lastHash
RETURN written
