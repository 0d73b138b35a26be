// Takes or renews the stored analysis's lease for $by for $seconds, unless another holder's lease
// is still running: one recompute at a time across servers and `lantern analyse`.
MERGE (s:ScoreState {id: 'analysis'})
WITH s
WHERE s.lockedBy IS NULL OR s.lockedBy = $by OR s.lockedUntil < datetime()
SET s.lockedBy = $by, s.lockedUntil = datetime() + duration({seconds: $seconds})
RETURN true AS ok
