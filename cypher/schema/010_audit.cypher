// The audit log: one (:AuditEntry) per recorded operation, chained by hash; (:AuditHead) holds the chain's end.
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (n:AuditHead) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
CREATE INDEX audit_entry_actor IF NOT EXISTS FOR (n:AuditEntry) ON (n.actor);
CREATE INDEX audit_entry_entry_id IF NOT EXISTS FOR (n:AuditEntry) ON (n.entryId);
