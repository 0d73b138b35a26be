// Records the resolver's pairs (people, organisations or premises) as (:MergeDecision) nodes,
// one per pair (id from the pair). A new pair is MERGED or REVIEW as scored. A pair seen before keeps a person's decision (accepted,
// rejected or undone by someone): only the resolver's own decisions are re-scored.
// $rows: [{id, entityType, aId, bId, status, probability, weight, swapped, evidence (JSON text), rule (a hard rule that
// decided or held back the pair, or null)}]
UNWIND $rows AS row
MERGE (d:MergeDecision {id: row.id})
  ON CREATE SET d.entityType = row.entityType, d.aId = row.aId, d.bId = row.bId, d.createdAt = datetime(), d.decidedBy = $by, d.decidedAt = datetime(), d.status = row.status
WITH d, row
WHERE d.decidedBy = $by
SET d.status = row.status, d.probability = row.probability, d.weight = row.weight, d.swapped = row.swapped,
    d.evidence = row.evidence, d.rule = row.rule, d.scoredAt = datetime()
RETURN count(d) AS written
