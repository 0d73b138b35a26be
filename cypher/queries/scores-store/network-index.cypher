// Every kept suspected network of view $view with what ranks it (score, premises) and the
// component of kept ties it was split from: the incremental round replaces the networks of the
// components a change reaches and ranks them among the others (decisions/0038).
MATCH (n:NetworkResult {view: $view})
RETURN n.key AS key, n.score AS score, n.premisesIds AS premisesIds, n.component AS component, n.alone AS alone, n.rank AS rank
