// Marks entities ($ids) whose scores a write in the same transaction may have changed; the
// analysis worker recomputes their neighbourhood up to the rules' reach. '*' asks for a full
// recompute (a write whose reach is not known, e.g. taking an import back).
UNWIND $ids AS id
MERGE (d:ScoreDirty {id: id})
SET d.at = datetime()
