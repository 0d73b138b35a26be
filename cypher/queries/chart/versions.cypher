// The kept versions of one chart, newest first (index chart_version), without their documents.
MATCH (v:ChartVersion {chartId: $id})
RETURN v.version AS version, v.savedAt AS savedAt, v.savedBy AS savedBy, v.restoredFrom AS restoredFrom,
       size(coalesce(v.nodeIds, [])) AS entityIds
ORDER BY v.version DESC
