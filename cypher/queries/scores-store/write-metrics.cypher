// Stores entity metrics ($rows: [{key, props}]) of one view and weighting.
UNWIND $rows AS row
CREATE (m:MetricsResult)
SET m = row.props, m.key = row.key
