// Indicator watches: the entities the stored analysis (modules/scores, everything view) flags
// with $indicatorId that $watchId has not seen, with the kept hits (JSON). $baseline true returns
// the seen too.
MATCH (s:ScoreResult {view: 'all'})
WHERE s.flagged AND $indicatorId IN s.indicatorIds
  AND ($baseline OR NOT EXISTS { MATCH (x:AlertSeen {key: $watchId + '|' + s.id}) })
RETURN s.id AS id, s.type AS type, s.hits AS hits
