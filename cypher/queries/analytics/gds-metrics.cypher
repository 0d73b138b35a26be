// Graph Data Science (when installed): every entity of the projected graph $graphName with the
// metrics the gds/* statements wrote into it (community, degree, weightedDegree, pageRank, and
// betweenness when $betweenness), and, when $neighbours, how many communities other than its own
// its visible neighbours belong to. potentialVictim travels so that the gateway masks victims.
CALL gds.graph.nodeProperty.stream($graphName, 'community') YIELD nodeId, propertyValue AS community
WITH nodeId, community, gds.util.asNode(nodeId) AS n
WHERE @visible(n)
RETURN n {.id, .type, .label, .potentialVictim} AS node,
       community,
       gds.util.nodeProperty($graphName, nodeId, 'degree') AS degree,
       gds.util.nodeProperty($graphName, nodeId, 'weightedDegree') AS weightedDegree,
       gds.util.nodeProperty($graphName, nodeId, 'pageRank') AS pageRank,
       CASE WHEN $betweenness THEN gds.util.nodeProperty($graphName, nodeId, 'betweenness') ELSE 0.0 END AS betweenness,
       CASE WHEN $neighbours THEN COUNT {
         MATCH (n)-[r]-(m:Entity)
         WHERE m <> n
           AND NOT coalesce(r.retired, false)
           AND NOT coalesce(m.retired, false)
           AND @visible(r)
           AND @visible(m)
         WITH DISTINCT gds.util.nodeProperty($graphName, m, 'community') AS c
         WHERE c <> community
         RETURN c
       } ELSE 0 END AS communitiesLinked
