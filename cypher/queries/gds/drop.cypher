// Drops the projected graph $graphName from GDS's catalog (no error when it is not there).
CALL gds.graph.drop($graphName, false) YIELD graphName
RETURN graphName
