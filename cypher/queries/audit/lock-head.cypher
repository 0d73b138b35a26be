// Takes the write lock on the chain's head (creating it on first use) and returns where the chain ends.
// Concurrent appenders, in this or another Lantern instance, queue here.
MERGE (h:AuditHead {id: 'audit'})
ON CREATE SET h.seq = 0, h.hash = ''
SET h.lockedAt = datetime()
RETURN h.seq AS seq, h.hash AS hash
