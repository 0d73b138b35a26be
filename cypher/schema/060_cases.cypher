// Cases (investigations), their members and holdings, chart versions and presence (decision 0035).
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE;
CREATE INDEX chart_version IF NOT EXISTS FOR (n:ChartVersion) ON (n.chartId, n.version);
CREATE INDEX chart_presence IF NOT EXISTS FOR (n:ChartPresence) ON (n.chartId);
