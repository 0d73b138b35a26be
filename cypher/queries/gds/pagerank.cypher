// PageRank on the projected graph $graphName; writes `pageRank` into it.
CALL gds.pageRank.mutate($graphName, $config) YIELD ranIterations, didConverge
RETURN ranIterations, didConverge
