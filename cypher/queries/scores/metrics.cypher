// The kept whole-graph metrics of the caller's view ($view) and weighting ($weighted), each
// entity read in the caller's scope (not retired, @visible), so that its label comes back as the
// caller may see it (a potential victim's masked).
MATCH (m:MetricsResult {view: $view, weighted: $weighted})
MATCH (e:Entity {id: m.id})
WHERE NOT coalesce(e.retired, false)
  AND @visible(e)
RETURN e {.id, .type, .label, .potentialVictim} AS entity,
  m {.community, .degree, .weightedDegree, .betweenness, .pageRank, .communitiesLinked, .broker} AS metrics
