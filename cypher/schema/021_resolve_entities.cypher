// Entity resolution for organisations and premises as well as people: any entity's resolvedId
// (the smallest id of its merged cluster), found without scanning every entity; pairs by type.
CREATE INDEX entity_resolved IF NOT EXISTS FOR (n:Entity) ON (n.resolvedId);
CREATE INDEX merge_decision_type IF NOT EXISTS FOR (n:MergeDecision) ON (n.entityType, n.status);
