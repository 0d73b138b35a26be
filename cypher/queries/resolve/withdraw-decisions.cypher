// After a full run over every record of a type: the resolver's own decisions on pairs it no longer
// scores at or above the review threshold (a rule now vetoes them, or the weights moved) are
// removed. A person's decision is never touched.
MATCH (d:MergeDecision)
WHERE coalesce(d.entityType, 'PERSON') = $entityType AND d.decidedBy = $by AND NOT d.id IN $keep
DETACH DELETE d
RETURN count(*) AS withdrawn
