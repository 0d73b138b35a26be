// The kept whole-graph metrics' run of view $view and weighting $weighted (bookkeeping: its
// modularity, whether the graph was too large, when it was computed; no graph fact is read).
MATCH (r:MetricsRun {view: $view, weighted: $weighted})
RETURN r {.modularity, .tooLarge, .computedAt, .rulesVersion, .asOf} AS run
