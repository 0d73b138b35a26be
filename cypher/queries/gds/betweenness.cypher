// Betweenness on the projected graph $graphName (exact, or from $config.samplingSize sources);
// writes `betweenness` into it.
CALL gds.betweenness.mutate($graphName, $config) YIELD nodePropertiesWritten
RETURN nodePropertiesWritten
