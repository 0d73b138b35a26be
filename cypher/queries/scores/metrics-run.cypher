// The kept whole-graph metrics' run of the caller's view ($view) and weighting ($weighted): its
// modularity, whether the graph was too large, and when it was computed. No graph fact is read.
MATCH (r:MetricsRun {view: $view, weighted: $weighted})
RETURN r {.modularity, .tooLarge, .computedAt, .rulesVersion, .asOf} AS run
