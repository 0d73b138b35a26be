// Tests only: the audit entries of these request ids, how many each has of each kind.
MATCH (a:AuditEntry)
WHERE a.requestId IN $requestIds
RETURN a.requestId AS requestId, a.kind AS kind, count(a) AS entries
