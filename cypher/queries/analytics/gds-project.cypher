// Graph Data Science (when installed): projects the caller's visible graph into GDS's in-memory
// catalog as $graphName, for whole-graph network analytics inside Neo4j. Undirected, one
// relationship per linked pair, as metrics.ts buildGraph has it: parallel links add up, self-links
// are left out, each pair is taken once (from the end with the smaller element id). weight is the
// sum of the links' grade weights ($sourceWeights[evaluation] x $assessmentWeights[assessment],
// model.ts gradeWeight; a missing or unknown grade counts as 2-C, as grading.ts does), or the
// number of links when $weighted is false; distance = 1 / weight (for betweenness). Entities
// without a visible link come in as lone nodes. The caller drops the graph (gds/drop).
MATCH (n:Entity)
WHERE NOT coalesce(n.retired, false)
  AND @visible(n)
OPTIONAL MATCH (n)-[r]->(m:Entity)
WHERE m <> n
  AND NOT coalesce(r.retired, false)
  AND NOT coalesce(m.retired, false)
  AND @visible(r)
  AND @visible(m)
WITH CASE WHEN m IS NULL OR elementId(n) < elementId(m) THEN n ELSE m END AS a,
     CASE WHEN m IS NULL OR elementId(n) < elementId(m) THEN m ELSE n END AS b,
     CASE
       WHEN r IS NULL THEN null
       WHEN $weighted THEN coalesce($sourceWeights[toString(r.sourceEvaluation)], $sourceWeights['2'])
                           * coalesce($assessmentWeights[r.intelligenceAssessment], $assessmentWeights['C'])
       ELSE 1.0
     END AS w
WITH a, b, sum(w) AS weight
WITH gds.graph.project($graphName, a, b,
       CASE WHEN b IS NULL THEN {} ELSE {relationshipProperties: {weight: weight, distance: 1.0 / weight}} END,
       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS links
