// Whether Graph Data Science is installed in this Neo4j, with the procedures the analytics use.
SHOW PROCEDURES YIELD name
WHERE name IN ['gds.louvain.mutate', 'gds.pageRank.mutate', 'gds.degree.mutate', 'gds.betweenness.mutate', 'gds.graph.drop']
RETURN count(name) = 5 AS available
