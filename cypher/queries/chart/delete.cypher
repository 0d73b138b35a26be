// Deletes a saved chart by id, with its kept versions, presence and shares; returns how many charts were deleted (0 or 1).
OPTIONAL MATCH (c:Chart {id: $id})
OPTIONAL MATCH (v:ChartVersion {chartId: $id})
OPTIONAL MATCH (p:ChartPresence {chartId: $id})
WITH collect(DISTINCT c) AS charts, collect(DISTINCT v) + collect(DISTINCT p) AS kept
FOREACH (x IN kept | DETACH DELETE x)
FOREACH (x IN charts | DETACH DELETE x)
RETURN size(charts) AS deleted
