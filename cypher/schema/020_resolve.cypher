// Entity resolution (docs/decisions/0005-entity-resolution.md): one (:MergeDecision) per scored
// pair of person records, with its status, score and evidence; Person.resolvedId names the
// resolved person a record belongs to (the smallest id of its merged cluster).
CREATE CONSTRAINT merge_decision_id IF NOT EXISTS FOR (n:MergeDecision) REQUIRE n.id IS UNIQUE;
CREATE INDEX merge_decision_status IF NOT EXISTS FOR (n:MergeDecision) ON (n.status, n.probability);
CREATE INDEX merge_decision_a IF NOT EXISTS FOR (n:MergeDecision) ON (n.aId);
CREATE INDEX merge_decision_b IF NOT EXISTS FOR (n:MergeDecision) ON (n.bId);
CREATE INDEX person_resolved IF NOT EXISTS FOR (n:Person) ON (n.resolvedId);
