// Clears the marks of $ids made no later than $before (a mark made while they were being
// recomputed stays, for the next round).
UNWIND $ids AS id
MATCH (d:ScoreDirty {id: id})
WHERE d.at <= datetime($before)
DELETE d
