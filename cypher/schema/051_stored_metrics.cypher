// Stored network analytics (docs/analytics.md, decisions/0023): each entity's community and
// centrality over the whole graph, per view and weighting, and one run node per view and
// weighting with the modularity and when it was computed.
CREATE CONSTRAINT metrics_result_key IF NOT EXISTS FOR (n:MetricsResult) REQUIRE n.key IS UNIQUE;
CREATE INDEX metrics_result_view IF NOT EXISTS FOR (n:MetricsResult) ON (n.view, n.weighted);
CREATE CONSTRAINT metrics_run_key IF NOT EXISTS FOR (n:MetricsRun) REQUIRE n.key IS UNIQUE;
