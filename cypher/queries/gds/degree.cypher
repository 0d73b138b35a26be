// Degree centrality on the projected graph $graphName; writes $config.mutateProperty into it
// (the number of linked entities, or the sum of the weights with relationshipWeightProperty).
CALL gds.degree.mutate($graphName, $config) YIELD nodePropertiesWritten
RETURN nodePropertiesWritten
