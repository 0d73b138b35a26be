// Baseline of the audit-throughput bench: a batch of records written as plain nodes, without the
// chain (no hash, no head to lock and move).
UNWIND $rows AS r
CREATE (a:BenchAuditPlain)
SET a = r
RETURN count(a) AS written
