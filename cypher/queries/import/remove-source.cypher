// Removes everything an import of $source wrote ($prefix: its record id prefix, `src-<source>-`):
// its source records (current and superseded), the entities and links whose only sources were
// its records, and its ids from the provenance of entities and links also seen elsewhere. Those
// keep their other sources, and their grading is worked out again from the source records left
// (best evaluation and assessment, most restrictive handling and classification), so taking an
// import back also takes back the handling it imposed on facts it shared with other sources.
// For tests and for taking back a wrong import. Scans entities and links: a maintenance statement.
CALL () {
  MATCH ()-[r]->()
  WHERE any(x IN r.sourceIds WHERE x STARTS WITH $prefix)
  WITH r, [x IN r.sourceIds WHERE NOT x STARTS WITH $prefix] AS rest
  FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r)
  FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET r.sourceIds = rest)
  RETURN collect(CASE WHEN size(rest) > 0 THEN r END) AS links
}
CALL () {
  MATCH (n:Entity)
  WHERE any(x IN n.sourceIds WHERE x STARTS WITH $prefix)
  WITH n, [x IN n.sourceIds WHERE NOT x STARTS WITH $prefix] AS rest
  FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DETACH DELETE n)
  FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET n.sourceIds = rest)
  RETURN collect(CASE WHEN size(rest) > 0 THEN n END) AS entities
}
CALL (links, entities) {
  UNWIND [links, entities] AS touched // two lists: Cypher will not concatenate links and nodes
  UNWIND touched AS x
  MATCH (s:SourceRecord) WHERE s.id IN x.sourceIds AND s.source <> $source
  WITH x, min(s.sourceEvaluation) AS se, min(s.intelligenceAssessment) AS ia, collect(s.handlingCode) AS codes,
       collect(DISTINCT s.handlingConditions) AS conditions, collect(s.classification) AS classes
  SET x.sourceEvaluation = se,
      x.intelligenceAssessment = ia,
      x.handlingCode = CASE WHEN 'C' IN codes THEN 'C' ELSE 'P' END,
      x.handlingConditions = CASE WHEN 'C' IN codes AND size(conditions) > 0 THEN reduce(t = head(conditions), c IN tail(conditions) | t + '; ' + c) END,
      x.classification = CASE WHEN 'OFFICIAL-SENSITIVE' IN classes THEN 'OFFICIAL-SENSITIVE' ELSE 'OFFICIAL' END
}
MATCH (s:SourceRecord)
WHERE s.source = $source
WITH collect(s) AS records
FOREACH (s IN records | DETACH DELETE s)
RETURN size(records) AS removed
