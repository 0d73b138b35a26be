// Louvain on the projected graph $graphName (analytics/gds-project); writes `community` into it.
CALL gds.louvain.mutate($graphName, $config) YIELD communityCount, modularity, ranLevels
RETURN communityCount, modularity, ranLevels
