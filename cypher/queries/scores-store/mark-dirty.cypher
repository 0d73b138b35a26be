// Marks entities ($ids) whose scores a write in the same transaction may have changed; the
// analysis worker recomputes their neighbourhood up to the rules' reach. '*' asks for a full
// recompute (a write whose reach is not known, e.g. taking an import back).
// The same write marks them for the alert engine (modules/alerts), which takes its own marks
// (AlertDirty) so that neither consumer clears the other's.
UNWIND $ids AS id
MERGE (d:ScoreDirty {id: id})
SET d.at = datetime()
MERGE (m:AlertDirty {id: id})
SET m.at = datetime()
