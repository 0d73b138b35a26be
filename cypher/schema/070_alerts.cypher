// Watchlists and alerts (docs/alerts.md, decisions/0036): watches, the alerts they raise, every
// match key ever seen (baseline and raised: what makes re-importing a file raise nothing new), and
// the entities writes marked for the alert engine (the same mark the stored analysis takes).
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (n:Alert) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT alert_seen_key IF NOT EXISTS FOR (n:AlertSeen) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT alert_dirty_id IF NOT EXISTS FOR (n:AlertDirty) REQUIRE n.id IS UNIQUE;
CREATE INDEX alert_status IF NOT EXISTS FOR (n:Alert) ON (n.status);
CREATE INDEX alert_case IF NOT EXISTS FOR (n:Alert) ON (n.caseId);
CREATE INDEX alert_watch IF NOT EXISTS FOR (n:Alert) ON (n.watchId);
CREATE INDEX alert_raised IF NOT EXISTS FOR (n:Alert) ON (n.raisedAt);
CREATE INDEX alert_dirty_at IF NOT EXISTS FOR (n:AlertDirty) ON (n.at);
