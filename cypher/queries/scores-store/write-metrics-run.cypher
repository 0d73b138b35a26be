// The run of the whole-graph metrics of one view and weighting ($key, $props: modularity, counts,
// whether the graph was too large to analyse, the stamp), replacing the last.
MERGE (r:MetricsRun {key: $key})
SET r = $props, r.key = $key
