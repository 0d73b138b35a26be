// Puts a snapshot in a case. Returns the case id, none when the case or snapshot is missing.
MATCH (k:Case {id: $caseId}), (s:Snapshot {id: $snapshotId})
MERGE (k)-[h:HOLDS]->(s)
SET h.attachedAt = coalesce(h.attachedAt, datetime()), h.attachedBy = $by, h.mode = 'read'
RETURN k.id AS caseId
