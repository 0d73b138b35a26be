// One kept version of a chart, with its document (index chart_version).
MATCH (v:ChartVersion {chartId: $id, version: $version})
RETURN v.document AS document, v.version AS version
