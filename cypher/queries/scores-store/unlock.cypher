// Gives up $by's lease on the stored analysis.
MATCH (s:ScoreState {id: 'analysis'})
WHERE s.lockedBy = $by
SET s.lockedBy = null, s.lockedUntil = null
