// Stores analysis results ($rows: [{key, props}]) of one view, replacing what was kept for them.
UNWIND $rows AS row
MERGE (s:ScoreResult {key: row.key})
SET s = row.props, s.key = row.key
