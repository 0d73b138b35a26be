// Stored analysis (docs/analytics.md, decisions/0018): kept risk scores and indicator hits per
// entity and view, suspected networks per view, the queue of entities whose scores a write may
// have changed, and the full recompute's checkpoint.
CREATE CONSTRAINT score_result_key IF NOT EXISTS FOR (n:ScoreResult) REQUIRE n.key IS UNIQUE;
CREATE INDEX score_result_view_score IF NOT EXISTS FOR (n:ScoreResult) ON (n.view, n.score);
CREATE INDEX score_result_view_risk IF NOT EXISTS FOR (n:ScoreResult) ON (n.view, n.profileScore);
CREATE INDEX score_result_job IF NOT EXISTS FOR (n:ScoreResult) ON (n.job);
CREATE CONSTRAINT network_result_key IF NOT EXISTS FOR (n:NetworkResult) REQUIRE n.key IS UNIQUE;
CREATE INDEX network_result_view IF NOT EXISTS FOR (n:NetworkResult) ON (n.view, n.rank);
CREATE CONSTRAINT score_dirty_id IF NOT EXISTS FOR (n:ScoreDirty) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT score_state_id IF NOT EXISTS FOR (n:ScoreState) REQUIRE n.id IS UNIQUE;
