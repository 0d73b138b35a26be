// The flagged list read in score order (decisions/0038): a page and its count come from this
// index (the view's flagged results, highest score first) instead of sorting every flagged entity.
CREATE INDEX score_result_view_flagged_score IF NOT EXISTS FOR (n:ScoreResult) ON (n.view, n.flagged, n.score);
