// Tests only: the audit entries of these request ids (how many each has).
MATCH (a:AuditEntry)
WHERE a.requestId IN $requestIds
RETURN a.requestId AS requestId, count(a) AS entries
