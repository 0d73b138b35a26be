// Briefing snapshots (docs/snapshots.md): immutable records, one node each, linked by SUPERSEDES.
CREATE CONSTRAINT snapshot_id IF NOT EXISTS FOR (n:Snapshot) REQUIRE n.id IS UNIQUE;
CREATE INDEX snapshot_created IF NOT EXISTS FOR (n:Snapshot) ON (n.createdAt);
