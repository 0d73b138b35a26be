// Tests only: edits one audit entry's field as someone with database access might, returning the old value.
MATCH (a:AuditEntry {seq: $seq})
WITH a, a.actor AS before
SET a.actor = $actor
RETURN before
