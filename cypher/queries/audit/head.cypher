// Where the chain ends.
OPTIONAL MATCH (h:AuditHead {id: 'audit'})
RETURN coalesce(h.seq, 0) AS seq, coalesce(h.hash, '') AS hash
